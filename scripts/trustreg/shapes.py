"""What trustreg's code relies on in the registry's own files, checked in code (rule TR117).

The JSON Schemas in schema/ describe the files for everyone, but a change can loosen them;
the keys and types the code reads (registry.yaml, the vocabulary, organisations) are checked
here as well, so that a loosened schema gives a finding, not a KeyError.

A shape is a Python type (str: non-blank text; int: an integer, not a boolean; bool: true or
false; dict: any mapping), a frozenset of allowed values, a one-item list (a non-empty list of that shape), a
Keys of named entries (a name ending in "?" is optional), Each (a mapping with text keys whose
values all have one shape) or Items (a list, maybe empty, of one shape).

Data read back from git history is held to HISTORY_OFFERING: the least the readers of history
(changelog, changes.atom, `diff`, `check --base`) rely on, whatever format the file had then.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .findings import Finding
from .loader import Document, PathKey, dotted

CODE = "TR117"
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


@dataclass(frozen=True)
class Keys:
    entries: dict[str, Any]
    closed: bool = False  # no other keys (the code passes them all on)


@dataclass(frozen=True)
class Each:
    shape: Any


@dataclass(frozen=True)
class Items:
    shape: Any


@dataclass(frozen=True)
class Matching:
    pattern: re.Pattern[str]
    what: str


DOMAIN = Matching(_DOMAIN, "a lower-case domain name such as example.com")
WORDS = [str]
TEXT = Matching(re.compile(".*", re.S), "a text")  # blank too

REGISTRY = Keys({"name": str, "license": str, "license_url": str, "disclaimer": str,
                 "corrections": str, "stale_after_days": int, "tag_entity?": str, "base_url?": str,
                 "repository?": str, "correction_form?": str}, closed=True)
ORGANISATION = Keys({"id": str, "name": str, "kind": frozenset({"company", "authority", "registry"}),
                     "domains": [DOMAIN], "trust_center?": str})
FACT = Keys({"type": frozenset({"string", "integer", "boolean", "date", "list"}),
             "description": str, "enum?": WORDS, "grades?": Each(WORDS)})
VOCABULARY = Keys({
    "format": int,
    "grades": [Keys({"id": str, "label": str, "glyph": str, "meaning": str, "positive?": bool,
                     "evidence": frozenset({"none", "primary", "primary_quote"}),
                     "forbids_routes?": WORDS})],
    "groups": [Keys({"id": str, "label": str})],
    "dimensions": [Keys({"id": str, "label": str, "question": str, "group": str,
                         "graded_party": frozenset({"platform", "developer"}),
                         "certification?": bool, "facts?": Each(FACT)})],
    "confidence": WORDS, "tier": WORDS, "default": WORDS, "variant_scope": WORDS,
    "route": [Keys({"id": str, "label": str, "meaning": str})],
    "source_kinds": [Keys({"id": str, "primary": bool, "meaning": str})],
    "independent_parties?": [Keys({"organisation": str, "source_kinds": WORDS, "remit": WORDS,
                                   "kind": frozenset({"authority", "certificate_registry",
                                                      "certification_body"})})],
})
SHAPES = {"registry": REGISTRY, "organisation": ORGANISATION, "vocabulary": VOCABULARY}

_SOURCE = Keys({"url?": TEXT, "title?": TEXT, "kind?": TEXT, "role?": TEXT, "retrieved?": TEXT})
_GRADED = {"status?": TEXT, "caveat?": TEXT, "evidence?": TEXT, "sources?": Items(_SOURCE)}
HISTORY_OFFERING = Keys({"id": str, "name?": TEXT, "cells?": Each(Keys({
    **_GRADED, "verified?": TEXT, "variants?": Items(Keys({**_GRADED, "scope?": TEXT}))}))})


def _problems(value: Any, shape: Any, where: PathKey) -> Iterator[tuple[PathKey, str, bool]]:
    """(place, what is wrong, whether the place is a key) for each way value misses shape."""
    if shape is str:
        if not isinstance(value, str) or not value.strip():
            yield where, "must be a non-empty text", False
    elif shape is int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            yield where, "must be a whole number of at least 1", False
    elif shape is bool:
        if not isinstance(value, bool):
            yield where, "must be true or false", False
    elif shape is dict:
        if not isinstance(value, dict):
            yield where, "must be a mapping", False
    elif isinstance(shape, frozenset):
        if not isinstance(value, str) or value not in shape:
            yield where, f"must be one of: {', '.join(sorted(shape))}", False
    elif isinstance(shape, Matching):
        if not isinstance(value, str) or not shape.pattern.fullmatch(value):
            yield where, f"must be {shape.what}", False
    elif isinstance(shape, list):
        if not isinstance(value, list) or not value:
            yield where, "must be a non-empty list", False
        else:
            for i, item in enumerate(value):
                yield from _problems(item, shape[0], (*where, i))
    elif isinstance(shape, Each):
        if not isinstance(value, dict):
            yield where, "must be a mapping", False
        else:
            for key, item in value.items():
                if not isinstance(key, str):
                    yield (*where, key), "must be a text key", True
                else:
                    yield from _problems(item, shape.shape, (*where, key))
    elif isinstance(shape, Items):
        if not isinstance(value, list):
            yield where, "must be a list", False
        else:
            for i, item in enumerate(value):
                yield from _problems(item, shape.shape, (*where, i))
    elif isinstance(shape, Keys):
        yield from _keys(value, shape, where)


def _keys(value: Any, shape: Keys, where: PathKey) -> Iterator[tuple[PathKey, str, bool]]:
    if not isinstance(value, dict):
        yield where, "must be a mapping", False
        return
    known = {name.removesuffix("?") for name in shape.entries}
    for name, entry in shape.entries.items():
        key = name.removesuffix("?")
        if key in value:
            yield from _problems(value[key], entry, (*where, key))
        elif not name.endswith("?"):
            yield where, f"is missing required key {key!r}", True
    if shape.closed:
        for key in value:
            if key not in known:
                yield (*where, key), f"is an unknown key (known: {', '.join(sorted(known))})", True


def history_problem(data: Any) -> str | None:
    """What keeps offering data from history from being read (None: it can be)."""
    for where, what, _key in _problems(data, HISTORY_OFFERING, ()):
        return f"{dotted(where) or 'the file'} {what}"
    return None


def problems(value: Any, shape: Any) -> Iterator[tuple[PathKey, str]]:
    """(place, what is wrong) for each way value misses shape (e.g. a feed's vocabulary)."""
    for where, what, _key in _problems(value, shape, ()):
        yield where, what


def shape_findings(doc: Document, kind: str) -> list[Finding]:
    """TR117 findings: where a registry, vocabulary or organisation file misses what the code
    needs (the first few; one is enough to stop)."""
    shape = SHAPES.get(kind)
    if shape is None:
        return []
    found = []
    for where, what, key in _problems(doc.data, shape, ()):
        found.append(doc.finding(where, CODE, f"{dotted(where) or 'the file'} {what}",
                                 f"trustreg relies on it whatever schema/{kind}.schema.json says; "
                                 "see docs/FORMAT.md", key=key))
        if len(found) == 10:
            break
    return found

"""Load a registry checkout into typed objects (see trustreg.model).

    >>> from trustreg.api import load_registry
    >>> registry = load_registry("path/to/clone")
    >>> registry.offerings["cohere-api"].cells["hipaa_baa"].status
    'no_public_evidence'

Without a checkout, `load_feed("data.json")` reads a built data.json into the same objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import vocabulary
from .findings import Finding
from .model import Registry, meta_from_data, offering_from_data, organisation_from_data
from .vocabulary import Vocabulary
from .workspace import find_root

FEED_VERSIONS = (1,)  # schema_version (the major version); any schema_minor of it reads


class RegistryError(Exception):
    """The checkout has findings (errors) that keep it from loading; `findings` lists them."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("\n".join(f.text() for f in findings))
        self.findings = findings


def load_registry(root: Path | str = ".", *, strict: bool = True) -> Registry:
    """Load every file of a checkout; with strict, any error finding raises RegistryError.

    With strict=False, lint findings are ignored: only files that do not load or fail their
    schema are left out (and offerings naming an undeclared organisation).
    """
    from .checker import Checker  # the checker builds on the same loader and schemas

    checker = Checker(find_root(root))
    result = checker.run()
    if strict and result.errors:
        raise RegistryError(result.errors)
    ctx = checker.ctx
    organisations = dict(sorted(ctx.organisations.items()))
    offerings = {}
    for doc in result.valid("offering"):
        data = doc.data
        if data["developer"] in organisations and data["platform"] in organisations:
            offerings[data["id"]] = offering_from_data(data, ctx.vocab, organisations)
    return Registry(root=checker.root, meta=meta_from_data(ctx.meta), vocabulary=ctx.vocab,
                    organisations=organisations, offerings=dict(sorted(offerings.items())))


class FeedError(ValueError):
    """The file is not a data.json this version of trustreg can read; the message says why.

    The one error load_feed raises for any bad input: not JSON, nested too deep, a schema_version
    it does not know, not matching the published schema, an unsafe URL (only https), a duplicate
    offering id, or missing what the objects need.
    """


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _file_shape(entry: dict[str, Any]) -> dict[str, Any]:
    """An offering of data.json in the shape of its offerings/<id>.yaml."""
    cells = {}
    for dim, cell in entry["dimensions"].items():
        cells[dim] = _plain({
            "status": cell["value"], "caveat": cell.get("caveat"), "confidence": cell["confidence"],
            "verified": cell.get("verified"), "draft": cell.get("draft"),  # a draft has no verified
            "tier": cell.get("tier"), "route": cell.get("route"),
            "route_via": cell.get("route_via"), "default": cell.get("default"),
            "geography": cell.get("geography"), "facts": cell.get("facts") or None,
            "evidence": cell.get("evidence", ""),
            "sources": [_plain(s) for s in cell.get("sources") or ()],
            "reviews": [_plain(r) for r in cell.get("reviews") or ()] or None,
            "variants": [_plain({"scope": v["scope"], "applies_to": v["applies_to"], "status": v["value"],
                                 "caveat": v.get("caveat"), "evidence": v.get("evidence"),
                                 "sources": [_plain(s) for s in v.get("sources") or ()]})
                         for v in cell.get("variants") or ()] or None})
    return {"id": entry["id"], "name": entry["name"], "developer": entry["developer_id"],
            "platform": entry["platform_id"], "category": entry["category"],
            "model_family": entry["model_family"], "summary": entry["summary"],
            "hosting": entry.get("hosting") or {}, "aliases": entry.get("aliases") or (),
            "service_name": entry.get("service_name"), "cells": cells}


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different (json.loads keeps the last of a repeated key)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out


def _read(source: Path | str | IO[str] | IO[bytes]) -> tuple[Path, Any]:
    try:
        if isinstance(source, (str, Path)):
            return Path(source).parent, json.loads(Path(source).read_bytes(), object_pairs_hook=_unique)
        return Path("."), json.loads(source.read(), object_pairs_hook=_unique)
    except RecursionError:
        raise FeedError("cannot read the feed: it is nested too deep") from None
    except (OSError, ValueError) as exc:
        raise FeedError(f"cannot read the feed: {exc}") from None


def _urls(feed: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(where, url) for every URL the objects carry."""
    yield "license_url", feed.get("license_url")
    for ident, org in feed["organisations"].items():
        yield f"organisations/{ident}/trust_center", org.get("trust_center")
    for offering in feed["offerings"]:
        for dim, cell in offering["dimensions"].items():
            variants = enumerate(cell.get("variants") or ())
            holders = [("", cell), *((f"/variants/{i}", v) for i, v in variants)]
            for where, holder in holders:
                for i, src in enumerate(holder.get("sources") or ()):
                    at = f"offerings/{offering['id']}/{dim}{where}/sources/{i}"
                    yield f"{at}/url", src.get("url")
                    yield f"{at}/archived", src.get("archived")
                    yield f"{at}/copy/url", (src.get("copy") or {}).get("url")


def _checked(feed: Any) -> Vocabulary:
    """The feed's vocabulary, once the feed is known to match its published schema; else FeedError."""
    from .jsonschemas.outputs import OutputInvalid, OutputSchema
    from .jsonschemas.published import data_schema
    from .loader import dotted
    from .rules.tr107_safe_urls import url_problem
    from .shapes import SHAPES, problems

    if not isinstance(feed, dict) or feed.get("schema_version") not in FEED_VERSIONS:
        version = feed.get("schema_version") if isinstance(feed, dict) else None
        raise FeedError(f"schema_version {version!r} is not one this trustreg reads "
                        f"({', '.join(map(str, FEED_VERSIONS))})")
    if "vocabulary" not in feed:
        raise FeedError("the feed lacks what the registry objects need ('vocabulary'); "
                        "rebuild it with this trustreg")
    for where, what in problems(feed["vocabulary"], SHAPES["vocabulary"]):
        raise FeedError(f"the feed's vocabulary{'.' + dotted(where) if where else ''} {what}")
    vocab = vocabulary.from_data(feed["vocabulary"])
    try:
        OutputSchema(data_schema(vocab)).check(feed, "the feed")
    except OutputInvalid as exc:
        raise FeedError(str(exc)) from None
    for where, url in _urls(feed):
        problem = url_problem(url) if isinstance(url, str) else None
        if problem:
            raise FeedError(f"the feed's {where} is not a safe URL: {problem}")
    seen: set[str] = set()
    for offering in feed["offerings"]:
        if offering["id"] in seen:
            raise FeedError(f"the feed lists offering {offering['id']!r} twice")
        seen.add(offering["id"])
    return vocab


def load_feed(source: Path | str | IO[str] | IO[bytes]) -> Registry:
    """Read a built data.json (a path or an open file) into the objects load_registry returns.

    The feed is checked against the published schema (made from the vocabulary it carries) first.
    Raises FeedError (only) for any input it cannot read: see FeedError.
    """
    root, feed = _read(source)
    vocab = _checked(feed)
    try:
        organisations = {k: organisation_from_data({"id": k, **v})
                         for k, v in sorted(feed["organisations"].items())}
        offerings = {o["id"]: offering_from_data(_file_shape(o), vocab, organisations)
                     for o in feed["offerings"]}
        meta = meta_from_data({"name": feed["name"], "license": feed["license"],
                               "license_url": feed["license_url"],
                               "disclaimer": feed["disclaimer"], "corrections": feed["corrections"],
                               "stale_after_days": feed["stale_after_days"]})
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise FeedError(f"the feed lacks what the registry objects need ({exc!s}); "
                        "rebuild it with this trustreg") from None
    return Registry(root=root, meta=meta, vocabulary=vocab, organisations=organisations,
                    offerings=dict(sorted(offerings.items())))

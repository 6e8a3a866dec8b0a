"""Validating files against their JSON Schemas: a fast (Rust) validator decides, python-jsonschema
explains each error as a finding at its line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from ..findings import Finding, FindingError
from ..loader import Document, dotted
from ..migration import UNSETTLED_ROUTES
from ..shapes import shape_findings
from ..vocabulary import Vocabulary
from .common import DATE_PATTERN, ID_PATTERN, LINE_PATTERN, SCHEMA_DIR
from .data_files import excerpt_schema, offering_schema
from .shipped import load_shipped, schema_problem

if TYPE_CHECKING:  # python-jsonschema takes ~0.2 s to import: only load it to explain errors
    import jsonschema

SHOWN = 100  # schema findings reported per file: a hostile file can hold a million problems


def _refuse_retrieval(uri: str) -> Any:
    from referencing.exceptions import NoSuchResource

    raise NoSuchResource(ref=uri)


def explaining_validator(schema: Any) -> jsonschema.Draft202012Validator:
    """python-jsonschema's validator for a schema, which never fetches and matches patterns in
    linear time (by the Rust regex engine), whatever the schema says."""
    import jsonschema
    from referencing import Registry

    def pattern(validator: Any, regex: str, instance: Any, schema: Any) -> Iterator[Any]:
        if isinstance(instance, str) and not _linear_pattern(regex).is_valid(instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {regex!r}")

    cls = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": pattern})
    return cls(schema, registry=Registry(retrieve=_refuse_retrieval),  # type: ignore[call-arg]
               format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@lru_cache(maxsize=256)
def _linear_pattern(regex: str) -> Any:
    return jsonschema_rs.validator_for({"type": "string", "pattern": regex}, offline=True,
                                       pattern_options=jsonschema_rs.RegexOptions())


class SchemaSet:
    """Compiled validators for the registry's file kinds, built once per run."""

    def __init__(self, root: Path, vocab: Vocabulary | None) -> None:
        self.root = root
        self.vocab = vocab
        self._schemas: dict[str, Any] = {}
        self._fast: dict[str, Any] = {}
        self._full: dict[str, jsonschema.Draft202012Validator] = {}

    def source(self, kind: str) -> str:
        """The file a kind's schema comes from (the vocabulary generates the offering schema)."""
        if kind == "offering" and self.vocab is not None:
            return "schema/vocabulary.yaml"
        return f"{SCHEMA_DIR}/{kind}.schema.json"

    def schema(self, kind: str) -> Any:
        """A kind's JSON Schema; a schema file that cannot be read or used raises FindingError."""
        if kind not in self._schemas:
            if kind == "excerpt":  # made in code, like the offering's: TR114 keeps the file current
                self._schemas[kind] = excerpt_schema()
            elif kind != "offering" or self.vocab is None:
                self._schemas[kind] = load_shipped(self.root, kind)
            else:
                schema = offering_schema(self.vocab)
                problem = schema_problem(schema)  # bad fact declarations in the vocabulary
                if problem:
                    raise FindingError(Finding(self.source(kind), 1, 1, "TR100", problem,
                                               "fix the facts declared in the vocabulary"))
                self._schemas[kind] = schema
        return self._schemas[kind]

    def fast(self, kind: str) -> Any:
        """The compiled (Rust) validator: decides whether a file is valid."""
        if kind not in self._fast:  # offline, linear patterns: a schema makes nothing fetch or hang
            self._fast[kind] = jsonschema_rs.validator_for(self.schema(kind), validate_formats=True,
                                                           offline=True,
                                                           pattern_options=jsonschema_rs.RegexOptions())
        return self._fast[kind]

    def full(self, kind: str) -> jsonschema.Draft202012Validator:
        """python-jsonschema's validator: explains why a file is not valid."""
        if kind not in self._full:
            self._full[kind] = explaining_validator(self.schema(kind))
        return self._full[kind]

    def findings(self, doc: Document, kind: str) -> list[Finding]:
        """Schema findings for a loaded document, each pointing at its line and column (and
        TR117's, for the files whose schema ships as an editable file)."""
        fast = self.fast(kind)
        if fast.is_valid(doc.data):  # and has what the code relies on, whatever the schema says
            return shape_findings(doc, kind)
        try:
            errors = list(islice(self.full(kind).iter_errors(doc.data), SHOWN + 1))
        except RecursionError:  # a self-referring schema: the fast validator's word stands
            errors = []
        more = len(errors) > SHOWN
        errors = sorted(errors[:SHOWN], key=lambda e: list(map(str, e.absolute_path)))
        if any(_old_format(e) for e in errors):  # the rest follow from the old format: fix migrates
            errors, more = [e for e in errors if _old_format(e)], False
        typos = {(tuple(e.absolute_path), fix) for e in errors for fix in _near_misses(e).values()}
        errors = [e for e in errors  # a misspelt key explains the missing one: report it once
                  if not (e.validator == "required" and (tuple(e.absolute_path),
                                                         _missing_key(e)) in typos)]
        found: list[Finding] = []
        places: set[tuple[int, int]] = set()
        for error in errors:  # one finding per place: the first explanation stands
            for finding in _explain(doc, error):
                if len(found) == SHOWN:
                    more = True
                    break
                if (finding.line, finding.col) not in places:
                    places.add((finding.line, finding.col))
                    found.append(finding)
        if not found:  # python-jsonschema disagrees (a format) or gave up: trust the stricter one
            error = next(iter(fast.iter_errors(doc.data)))
            found = [doc.finding(tuple(error.instance_path), "TR100", error.message,
                                 "see the schema in schema/")]
        if more:
            found.append(doc.finding((), "TR100", f"more than {SHOWN} schema problems; "
                                     "the rest are not shown", "fix these and check again"))
        return found


def _one_of_keys(error: jsonschema.ValidationError) -> list[str]:
    """The keys of a `oneOf` whose branches each require one key (exactly one must be present)."""
    branches = error.validator_value
    if all(isinstance(b, dict) and set(b) <= {"required", "properties"} and len(b["required"]) == 1
           for b in branches):
        return [b["required"][0] for b in branches]
    return []


def _missing_key(error: jsonschema.ValidationError) -> str:
    return error.message.split("'")[1] if "'" in error.message else error.message


def _near_misses(error: jsonschema.ValidationError) -> dict[str, str]:
    """Unknown keys of an object that look like a misspelling of a missing required key."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return {}
    known = error.schema.get("properties", {})
    required = [k for k in error.schema.get("required", []) if k not in error.instance]
    allowed = [k for k in known if k not in error.instance]
    near = {}
    for key in islice((k for k in error.instance if k not in known), SHOWN):
        match = difflib.get_close_matches(key, required or allowed, n=1, cutoff=0.75)
        if match:
            near[key] = match[0]
    return near


def _old_format(error: jsonschema.ValidationError) -> bool:
    """The file declares no format, or an older one: `trustreg fix` migrates it."""
    where = list(error.absolute_path)
    return ((where == [] and error.validator == "required" and _missing_key(error) == "format")
            or (where == ["format"] and error.validator == "const"))


def _code(error: jsonschema.ValidationError) -> str:
    """Schema errors that a named rule stands for carry that rule's code."""
    where = list(error.absolute_path)
    if _old_format(error):
        return "TR122"
    if "facts" in where[:4] and len(where) >= 3 and where[0] == "cells":
        return "TR110"
    if error.validator in ("format", "pattern") and error.schema.get("format") == "date":
        return "TR108"
    if error.validator == "format" and error.schema.get("format") == "uri":
        return "TR107"
    return "TR100"


def _explain(doc: Document, error: jsonschema.ValidationError) -> Iterator[Finding]:
    where = tuple(error.absolute_path)
    code = _code(error)
    field = dotted(where) if where else "the file"
    kind = error.validator
    if _old_format(error):
        old = error.instance.get("format", 1) if isinstance(error.instance, dict) else error.instance
        yield doc.finding(where, code, f"file is in format {old!r}, not {error.validator_value!r}"
                          if kind == "const" else "file is in format 1 (it declares no `format`)",
                          f"run `trustreg fix {doc.path}` to migrate it", key=kind == "required")
        return
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        near = _near_misses(error)
        for key in error.instance:
            if key in near:
                yield doc.finding((*where, key), code, f"unknown key {key!r}",
                                  f"did you mean {near[key]!r}?", key=True)
            elif key not in allowed:
                hint = f"allowed here: {', '.join(allowed)}" if allowed else "no keys are allowed here"
                yield doc.finding((*where, key), code, f"unknown key {key!r}",
                                  f"remove it or fix its spelling; {hint}", key=True)
        return
    if kind == "oneOf" and _one_of_keys(error):
        keys = _one_of_keys(error)
        present = [k for k in keys if isinstance(error.instance, dict) and k in error.instance]
        what = {"verified": "a date a person verified it live", "draft": "`draft: {by, date}`",
                "retrieved": "the date the live page was read", "copy": "`copy: {held_by}`"}
        hint = " or ".join(f"`{k}` ({what.get(k, k)})" for k in keys)
        if present:
            yield doc.finding(where, code, f"{field} has both {' and '.join(map(repr, present))}",
                              f"keep one: {hint}", key=False)
        else:
            yield doc.finding(where, code, f"{field} needs one of {' or '.join(map(repr, keys))}",
                              f"add {hint}", key=False)
        return
    if kind == "required":
        missing = _missing_key(error)
        yield doc.finding(where, code, f"{field} is missing required key {missing!r}",
                          f"add `{missing}:`", key=True)
        return
    if kind == "enum" and where[-1:] == ("route",) and error.instance in UNSETTLED_ROUTES:
        choices, _via = UNSETTLED_ROUTES[error.instance]
        cell = doc.data["cells"][where[1]] if len(where) == 3 else {}
        said = " ".join(str(cell.get("caveat") or cell.get("evidence") or "").split())
        said = said if len(said) <= 160 else said[:157] + "..."
        yield doc.finding(where, "TR122", f"{field} {error.instance!r} is format 1's, which format 2 "
                          f"splits in {' and '.join(choices)}; the cell says: {said!r}",
                          "a person settles it: `nda` if a signed NDA is needed, `sign_in` if a "
                          "sign-in or click-through is enough")
        return
    if kind == "enum":
        if error.instance == "":
            yield doc.finding(where, code, f"{field} is empty",
                              "choose one of: " + ", ".join(map(str, error.validator_value)))
            return
        yield doc.finding(where, code, f"{field} has value {error.instance!r}, not one allowed",
                          "use one of: " + ", ".join(map(str, error.validator_value)))
        return
    if kind == "type":
        expected = error.validator_value
        yield doc.finding(where, code, f"{field} must be of type {expected}, "
                                          f"not {type(error.instance).__name__}",
                          f"write a {expected} value" + (" (true or false)" if expected == "boolean" else ""))
        return
    pattern = error.validator_value if kind == "pattern" else None
    if isinstance(error.instance, str) and not error.instance.strip() and kind in ("pattern", "minLength"):
        yield doc.finding(where, code, f"{field} is empty" if error.instance == "" else
                          f"{field} holds only white space",
                          "write the day you checked it, as YYYY-MM-DD" if pattern == DATE_PATTERN
                          else "fill it in")
        return
    hints = {
        "pattern": {DATE_PATTERN: "write a real date as YYYY-MM-DD, from 1990 on",
                    ID_PATTERN: "use lower-case letters and digits joined by '-'",
                    LINE_PATTERN: "keep it on one line"}.get(pattern, f"match {pattern}"),
        "format": "write a valid " + str(error.validator_value),
        "minLength": "fill it in",
        "maxLength": f"shorten it to at most {error.validator_value} characters",
        "minimum": f"use a number of at least {error.validator_value}",
        "uniqueItems": "remove the repeated item",
    }
    shown = repr(error.instance)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    messages = {
        "pattern": f"{field} value {shown} has the wrong form",
        "format": f"{field} value {shown} is not a valid {error.validator_value}",
        "minLength": f"{field} is empty",
        "maxLength": f"{field} is longer than {error.validator_value} characters",
    }
    yield doc.finding(where, code, messages.get(kind, f"{field}: {error.message[:200]}"),
                      hints.get(kind, "see the schema in schema/"))

"""JSON Schemas of the data files: the offering schema is generated from the vocabulary."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from .findings import Finding, FindingError
from .loader import Document, dotted, read_text
from .shapes import shape_findings
from .vocabulary import Vocabulary

if TYPE_CHECKING:  # python-jsonschema takes ~0.2 s to import: only load it to explain errors
    import jsonschema

SCHEMA_DIR = "schema"
OFFERING_SCHEMA = "offering.schema.json"
ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
# a year from 1990 on (nothing older is evidence of today's practice; year 0 is no date at all)
DATE_PATTERN = "^(?:199[0-9]|[2-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
_DATE = {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
LINE_PATTERN = "^[^\\S\\n]*\\S[^\\n]*$"  # one line, not only blanks
_LINE = {"type": "string", "pattern": LINE_PATTERN}
TEXT_PATTERN = "\\S"  # required text is more than white space
_TEXT = {"type": "string", "minLength": 1, "pattern": TEXT_PATTERN}
REVIEWERS = ("human", "monitor")
REVIEW_DECISIONS = ("dismissed", "confirmed", "reverified")
SHOWN = 100  # schema findings reported per file: a hostile file can hold a million problems


def schema_id(name: str) -> str:
    """The `$id` of a published schema: a URN, so no host is claimed for it."""
    return f"urn:ai-trust-registry:schema:{name.removesuffix('.schema.json')}"


def offering_schema(vocab: Vocabulary) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an offering file, derived from the vocabulary."""
    cells = {
        dim.id: {
            "$ref": "#/$defs/cell",
            "description": f"{dim.label}: {dim.question} (grades the {dim.graded_party})",
            "properties": {"facts": {
                "type": "object",
                "additionalProperties": False,
                "properties": dim.facts,
            }},
        }
        for dim in vocab.dimensions.values()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(OFFERING_SCHEMA),
        "title": "AI trust registry offering",
        "description": "One AI API offering and its graded cells. Generated from "
                       "schema/vocabulary.yaml by `trustreg schema`; do not edit by hand.",
        "type": "object",
        "required": ["id", "name", "developer", "platform", "category", "model_family",
                     "summary", "cells"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": ID_PATTERN, "maxLength": 64,
                   "description": "Stable id; equals the file name without .yaml."},
            "name": {**_LINE, "maxLength": 120, "description": "Display name."},
            "developer": {"$ref": "#/$defs/org_id",
                          "description": "Organisation id of the model developer."},
            "platform": {"$ref": "#/$defs/org_id",
                         "description": "Organisation id of the serving platform."},
            "category": {"enum": ["first_party", "cloud_distribution"],
                         "description": "first_party: the developer serves it; "
                                        "cloud_distribution: a cloud platform serves it."},
            "model_family": {**_LINE, "maxLength": 120, "description": "Model family served."},
            "summary": {**_TEXT, "maxLength": 2000, "description": "What the offering is, in a paragraph."},
            "hosting": {
                "type": "object",
                "additionalProperties": False,
                "description": "Where the offering is hosted.",
                "properties": {
                    "cloud": {**_LINE, "description": "Cloud the offering runs on."},
                    "regions": {"type": "array", "items": _LINE, "uniqueItems": True,
                                "description": "Regions it runs in."},
                },
            },
            "cells": {
                "type": "object",
                "description": "One cell per dimension of schema/vocabulary.yaml.",
                "required": list(vocab.dimensions),
                "additionalProperties": False,
                "properties": cells,
            },
        },
        "$defs": {
            "org_id": {"type": "string", "pattern": ID_PATTERN, "maxLength": 64},
            "date": {**_DATE},
            "cell": {
                "type": "object",
                "required": ["status", "confidence", "verified", "evidence", "sources"],
                "additionalProperties": False,
                "properties": {
                    "status": {"enum": list(vocab.grades), "description": "The grade."},
                    "caveat": {**_LINE, "maxLength": 200,
                               "description": "One-line watch-out; required unless yes_public."},
                    "confidence": {"enum": list(vocab.confidence),
                                   "description": "How sure the grade is; say why in the evidence "
                                                  "when it is not high."},
                    "verified": {"$ref": "#/$defs/date",
                                 "description": "Date the cell was last checked against its sources."},
                    "tier": {"enum": list(vocab.tier), "description": "Who can get it."},
                    "route": {"enum": list(vocab.route),
                              "description": "How a buyer gets the evidence or the feature."},
                    "default": {"enum": list(vocab.default),
                                "description": "For behaviours: the state without configuration."},
                    "geography": {**_LINE, "maxLength": 80,
                                  "description": "Jurisdiction the cell speaks for."},
                    "facts": {"type": "object", "description": "Typed facts declared per dimension."},
                    "evidence": {**_TEXT, "maxLength": 4000,
                                 "description": "Plain-text paragraph explaining the grade."},
                    "sources": {"type": "array", "items": {"$ref": "#/$defs/source"},
                                "description": "Primary sources and leads behind the grade."},
                    "reviews": {"type": "array", "items": {"$ref": "#/$defs/review"},
                                "description": "Trail of reviews: alerts and questions answered, "
                                               "oldest first."},
                },
            },
            "source": {
                "type": "object",
                "required": ["title", "role"],
                "additionalProperties": False,
                "properties": {
                    "url": {"type": "string", "format": "uri", "maxLength": 2000,
                            "description": "https link to the page; leads may have none."},
                    "title": {**_LINE, "maxLength": 200, "description": "What the page is."},
                    "role": {"enum": ["primary", "lead"],
                             "description": "primary: the graded party's own or an authority's "
                                            "source; lead: used as a lead only, not cited."},
                    "retrieved": {"$ref": "#/$defs/date", "description": "Date the page was read."},
                    "quote": {**_TEXT, "maxLength": 2000,
                              "description": "Exact words from the page ([...] marks an elision)."},
                    "archived": {"type": "string", "format": "uri", "maxLength": 2000,
                                 "description": "An archived copy of the page."},
                },
                "if": {"properties": {"role": {"const": "primary"}}},
                "then": {"required": ["url", "retrieved"]},
            },
            "review": {
                "type": "object",
                "required": ["date", "by", "reviewer", "decision", "note"],
                "additionalProperties": False,
                "properties": {
                    "date": {"$ref": "#/$defs/date", "description": "Date of the review."},
                    "by": {**_LINE, "maxLength": 120,
                           "description": "Who reviewed: a person's name, or the monitor's name."},
                    "reviewer": {"enum": list(REVIEWERS),
                                 "description": "human: a person decided; monitor: an automated check."},
                    "alert": {**_LINE, "maxLength": 200,
                              "description": "The alert or question the review answers."},
                    "decision": {"enum": list(REVIEW_DECISIONS),
                                 "description": "dismissed: the alert does not change the cell; "
                                                "confirmed: it does, and the cell was corrected; "
                                                "reverified: the cell was checked against its "
                                                "sources again and holds."},
                    "note": {**_TEXT, "maxLength": 2000, "description": "What was found, in a paragraph."},
                },
            },
        },
    }


def generated_schema_text(vocab: Vocabulary) -> str:
    """The text schema/offering.schema.json must hold for this vocabulary."""
    return json.dumps(offering_schema(vocab), indent=2, ensure_ascii=False) + "\n"


METASCHEMA = "https://json-schema.org/draft/2020-12/schema"
SHIPPED = ("registry", "vocabulary", "organisation", "offering", "data")  # schema/KIND.schema.json
_REF_KEYS = ("$ref", "$dynamicRef")


def read_schema(root: Path, rel: str) -> Any:
    """A schema file's JSON, read like a data file (no links, devices or huge files)."""
    try:
        return json.loads(read_text(root / rel, rel))
    except json.JSONDecodeError as exc:
        raise FindingError(Finding(rel, exc.lineno, exc.colno, "TR002", f"JSON syntax error: {exc.msg}",
                                   "fix the JSON syntax at this place")) from None
    except RecursionError:
        raise FindingError(Finding(rel, 1, 1, "TR007", "nesting too deep", "flatten the structure")) from None


def _foreign(schema: Any) -> str | None:
    """Why a schema could make a validator look outside the file (a remote reference), or None."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if "$schema" in node and node["$schema"] != METASCHEMA:
                return f"$schema is {node['$schema']!r}, not {METASCHEMA}"
            for key in _REF_KEYS:
                ref = node.get(key)
                if isinstance(ref, str) and not ref.startswith("#"):
                    return f"{key} {ref!r} points outside the file"
            stack.extend(node.values())
    return None


def schema_problem(schema: Any) -> str | None:
    """Why a schema cannot be used (not a draft 2020-12 schema, or refers elsewhere), or None."""
    if not isinstance(schema, dict) or schema.get("$schema") != METASCHEMA:
        return f"not a JSON Schema object with \"$schema\": \"{METASCHEMA}\""
    foreign = _foreign(schema)  # before the meta-schema step: it would fetch an unknown $schema
    if foreign:
        return foreign
    try:
        jsonschema_rs.meta.validate(schema)
        jsonschema_rs.validator_for(schema, offline=True, pattern_options=jsonschema_rs.RegexOptions())
    except (ValueError, jsonschema_rs.ReferencingError) as exc:
        return f"not a valid JSON Schema: {str(exc).splitlines()[0]}"
    return None


def load_shipped(root: Path, kind: str) -> dict[str, Any]:
    """A shipped schema file, refused (FindingError) when it cannot be read or used."""
    rel = f"{SCHEMA_DIR}/{kind}.schema.json"
    schema = read_schema(root, rel)
    problem = schema_problem(schema)
    if problem:
        raise FindingError(Finding(rel, 1, 1, "TR100", problem, "fix the schema"))
    return schema


def shipped_schema_findings(root: Path) -> list[Finding]:
    """Each schema file of schema/: present (offering: see TR114), readable, valid, self-contained."""
    found = []
    for kind in SHIPPED:
        rel = f"{SCHEMA_DIR}/{kind}.schema.json"
        if kind == "offering" and not (root / rel).is_symlink() and not (root / rel).exists():
            continue  # TR114 asks to generate it
        try:
            problem = schema_problem(read_schema(root, rel))
        except FindingError as exc:
            found.append(exc.finding)
            continue
        if problem:
            found.append(Finding(rel, 1, 1, "TR100", problem,
                                 "restore the schema; references stay within the file (#/$defs/...)"))
    return found


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
            if kind != "offering" or self.vocab is None:
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


def _code(error: jsonschema.ValidationError) -> str:
    """Schema errors that a named rule stands for carry that rule's code."""
    where = list(error.absolute_path)
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
    if kind == "required":
        missing = _missing_key(error)
        yield doc.finding(where, code, f"{field} is missing required key {missing!r}",
                          f"add `{missing}:`", key=True)
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

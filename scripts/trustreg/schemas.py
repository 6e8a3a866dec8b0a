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
from .migration import UNSETTLED_ROUTES
from .shapes import shape_findings
from .vocabulary import NOT_STATED, Vocabulary

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
REVIEWERS = ("human", "monitor", NOT_STATED)
REVIEW_DECISIONS = ("dismissed", "confirmed", "reverified")
SHOWN = 100  # schema findings reported per file: a hostile file can hold a million problems


def schema_id(name: str) -> str:
    """The `$id` of a published schema: a URN, so no host is claimed for it."""
    return f"urn:ai-trust-registry:schema:{name.removesuffix('.schema.json')}"


_FACT_TEXT = {**_LINE, "minLength": 1, "maxLength": 300}


def fact_schema(spec: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one fact declared in the vocabulary (string, integer, boolean, date, list)."""
    kind = spec["type"]
    out: dict[str, Any]
    if kind == "list":
        item = {**_FACT_TEXT, **({"enum": spec["enum"]} if "enum" in spec else {})}
        out = {"type": "array", "minItems": 1, "uniqueItems": True, "maxItems": 100, "items": item}
    elif kind == "date":
        out = {**_DATE}
    elif kind == "string":
        out = {**_FACT_TEXT, **({"enum": spec["enum"]} if "enum" in spec else {})}
    else:
        out = {"type": kind, **{k: spec[k] for k in ("enum", "minimum") if k in spec}}
    return {**out, "description": spec["description"]}


def _facts(dim: Any) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False,
            "properties": {name: fact_schema(spec) for name, spec in dim.facts.items()}}


def _only(key: str) -> dict[str, Any]:
    """A `oneOf` branch requiring key (named under `properties` too, as ajv's strict mode wants)."""
    return {"required": [key], "properties": {key: True}}


def offering_schema(vocab: Vocabulary) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an offering file, derived from the vocabulary."""
    cells = {
        dim.id: {
            "$ref": "#/$defs/cell",
            "description": f"{dim.label}: {dim.question} (grades the {dim.graded_party})",
            "type": "object",  # ajv's strict mode wants the type beside `properties`
            "properties": {"facts": _facts(dim)},
        }
        for dim in vocab.dimensions.values()
    }
    status = {"enum": list(vocab.grades), "description": "The grade."}
    caveat = {**_LINE, "maxLength": 200,
              "description": "One-line watch-out; required unless yes_public."}
    sources = {"type": "array", "items": {"$ref": "#/$defs/source"},
               "description": "Primary sources and leads behind the grade."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(OFFERING_SCHEMA),
        "title": "AI trust registry offering",
        "description": "One AI API offering and its graded cells. Generated from "
                       "schema/vocabulary.yaml by `trustreg schema`; do not edit by hand.",
        "type": "object",
        "required": ["id", "format", "name", "developer", "platform", "category", "model_family",
                     "summary", "cells"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": ID_PATTERN, "maxLength": 64,
                   "description": "Stable id; equals the file name without .yaml."},
            "format": {"const": vocab.format,
                       "description": f"Format version of the file: {vocab.format}. `trustreg fix` "
                                      "migrates files of an older format."},
            "name": {**_LINE, "maxLength": 120, "description": "Display name."},
            "aliases": {"type": "array", "minItems": 1, "uniqueItems": True, "maxItems": 20,
                        "items": {**_LINE, "minLength": 1, "maxLength": 120},
                        "description": "Other names buyers know the offering by (renamed or "
                                       "rebranded products)."},
            "service_name": {**_LINE, "minLength": 1, "maxLength": 120,
                             "description": "The platform's name for the service, when it differs "
                                            "from the organisation's name."},
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
                "required": ["status", "confidence", "evidence", "sources"],
                "oneOf": [_only("verified"), _only("draft")],
                "additionalProperties": False,
                "properties": {
                    "status": status,
                    "caveat": caveat,
                    "confidence": {"enum": list(vocab.confidence),
                                   "description": "How sure the grade is; say why in the evidence "
                                                  "when it is not high."},
                    "verified": {"$ref": "#/$defs/date",
                                 "description": "Date a person last verified the cell against the live "
                                                "pages of its sources; a draft has none."},
                    "draft": {"$ref": "#/$defs/draft"},
                    "tier": {"enum": list(vocab.tier), "description": "Who can get it."},
                    "route": {"enum": list(vocab.route),
                              "description": "How a buyer gets the evidence or the feature (the "
                                             "gate kinds of schema/vocabulary.yaml `route`)."},
                    "route_via": {**_LINE, "minLength": 1, "maxLength": 80,
                                  "description": "Where the gate is passed (e.g. trust center)."},
                    "default": {"enum": list(vocab.default),
                                "description": "For behaviours: the state without configuration."},
                    "geography": {**_LINE, "maxLength": 80,
                                  "description": "Jurisdiction the cell speaks for."},
                    "facts": {"type": "object", "description": "Typed facts declared per dimension."},
                    "evidence": {**_TEXT, "maxLength": 4000,
                                 "description": "Plain-text paragraph explaining the grade."},
                    "sources": sources,
                    "variants": {"type": "array", "minItems": 1, "maxItems": 50,
                                 "items": {"$ref": "#/$defs/variant"},
                                 "description": "Where the answer differs by plan, endpoint, model "
                                                "or region; the cell's own grade is the default "
                                                "for a new customer."},
                    "reviews": {"type": "array", "items": {"$ref": "#/$defs/review"},
                                "description": "Trail of reviews: alerts and questions answered, "
                                               "oldest first."},
                },
            },
            "variant": {
                "type": "object",
                "required": ["scope", "applies_to", "status", "sources"],
                "additionalProperties": False,
                "properties": {
                    "scope": {"enum": list(vocab.variant_scope),
                              "description": "What kind of thing the variant applies to."},
                    "applies_to": {**_LINE, "minLength": 1, "maxLength": 120,
                                   "description": "The plan, endpoint, model or region it applies to."},
                    "status": status,
                    "caveat": caveat,
                    "evidence": {**_TEXT, "maxLength": 2000,
                                 "description": "Plain text explaining the variant's grade."},
                    "sources": sources,
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
                    "kind": {"enum": list(vocab.source_kinds),
                             "description": "What kind of page it is (schema/vocabulary.yaml "
                                            "`source_kinds`); a primary source needs a primary kind."},
                    "role": {"enum": ["primary", "lead"],
                             "description": "primary: the graded party's own source, or an "
                                            "independent party's within its remit; lead: used as "
                                            "a lead only, not cited."},
                    "retrieved": {"$ref": "#/$defs/date",
                                  "description": "Date a person read the live page; a source read in "
                                                 "a copy has `copy` instead."},
                    "copy": {"$ref": "#/$defs/copy"},
                    "quote": {**_TEXT, "maxLength": 2000,
                              "description": "Exact words from the page ([...] marks an elision)."},
                    "archived": {"type": "string", "format": "uri", "maxLength": 2000,
                                 "description": "An archived copy of the page."},
                },
                "if": {"properties": {"role": {"const": "primary"}}},
                "then": {"required": ["url"], "properties": {"url": True},
                         "oneOf": [_only("retrieved"), _only("copy")]},
            },
            "copy": {
                "type": "object",
                "required": ["held_by"],
                "additionalProperties": False,
                "description": "The page's text was read in a copy, not on the live page.",
                "properties": {
                    "held_by": {**_LINE, "minLength": 1, "maxLength": 200,
                                "description": "Where the copy is kept (e.g. Open Terms Archive)."},
                    "url": {"type": "string", "format": "uri", "maxLength": 2000,
                            "description": "The copy's own address, when it has one."},
                    "captured": {"$ref": "#/$defs/date",
                                 "description": "When the copy was captured, when known."},
                },
            },
            "draft": {
                "type": "object",
                "required": ["by", "date"],
                "additionalProperties": False,
                "description": "A draft: graded from copies of the cited pages, or not yet checked "
                               "live; it has no verified date.",
                "properties": {
                    "by": {**_LINE, "minLength": 1, "maxLength": 120,
                           "description": "Who graded the draft."},
                    "date": {"$ref": "#/$defs/date", "description": "When the draft was graded."},
                },
            },
            "review": {
                "type": "object",
                "required": ["date", "by", "reviewer", "decision", "note"],
                "additionalProperties": False,
                "properties": {
                    "date": {"$ref": "#/$defs/date", "description": "Date of the review."},
                    "by": {**_LINE, "maxLength": 120,
                           "description": "Who reviewed: a person's name, or the monitor's name; "
                                          f"`{NOT_STATED}` when the trail names nobody."},
                    "reviewer": {"enum": list(REVIEWERS),
                                 "description": "human: a person decided; monitor: an automated "
                                                f"check; `{NOT_STATED}` when the trail does not say."},
                    "confidence": {"enum": [*vocab.confidence, NOT_STATED],
                                   "description": "How sure the review was, where an imported "
                                                  f"trail gives it (`{NOT_STATED}` when it does "
                                                  "not); optional."},
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


EXCERPT_SCHEMA = "excerpt.schema.json"
EXCERPT_PASSAGE_LIMIT = 600  # characters of one passage


def excerpt_schema() -> dict[str, Any]:
    """The JSON Schema of an excerpt file, `excerpts/<host>/<slug>.yaml`."""
    copy = copy_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(EXCERPT_SCHEMA),
        "title": "AI trust registry excerpt",
        "description": "Short passages of one cited page's text around the quoted words, so "
                       "quotes are checked offline: quotation, not a copy of the page. Generated "
                       "by `trustreg schema`; do not edit by hand.",
        "type": "object",
        "required": ["url", "passages"],
        "additionalProperties": False,
        "oneOf": [{**_only("copy"), "not": {"anyOf": [_only("retrieved"), _only("sha256")]}},
                  {"required": ["retrieved", "sha256"], "properties": {"retrieved": True, "sha256": True},
                   "not": _only("copy")}],
        "properties": {
            "url": {"type": "string", "format": "uri", "maxLength": 2000,
                    "description": "The vendor's own address of the page (never a copy's)."},
            "copy": copy,
            "retrieved": {**_DATE, "description": "Date the live page was read (with sha256)."},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                       "description": "SHA-256 of the page's readable text as `trustreg watch` "
                                      "computes it, when read live."},
            "passages": {"type": "array", "minItems": 1, "maxItems": 50,
                         "items": {**_TEXT, "maxLength": EXCERPT_PASSAGE_LIMIT},
                         "description": "The page's text around quoted words, exactly as read "
                                        f"(whitespace may be folded), at most "
                                        f"{EXCERPT_PASSAGE_LIMIT} characters each."},
        },
    }


def copy_schema() -> dict[str, Any]:
    """The `copy` record, as sources and excerpts write it (dates inline: no $defs needed)."""
    return {
        "type": "object",
        "required": ["held_by"],
        "additionalProperties": False,
        "description": "The page's text was read in a copy, not on the live page.",
        "properties": {
            "held_by": {**_LINE, "minLength": 1, "maxLength": 200,
                        "description": "Where the copy is kept (e.g. Open Terms Archive)."},
            "url": {"type": "string", "format": "uri", "maxLength": 2000,
                    "description": "The copy's own address, when it has one."},
            "captured": {**_DATE, "description": "When the copy was captured, when known."},
        },
    }


def excerpt_schema_text() -> str:
    """The text schema/excerpt.schema.json must hold."""
    return json.dumps(excerpt_schema(), indent=2, ensure_ascii=False) + "\n"


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

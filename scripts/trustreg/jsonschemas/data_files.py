"""JSON Schemas of the data files: the offering schema is generated from the vocabulary; the
excerpt schema is made in code."""

from __future__ import annotations

import json
from typing import Any

from ..vocabulary import NOT_STATED, Vocabulary
from .common import DATE_PATTERN, ID_PATTERN, LINE_PATTERN, TEXT_PATTERN, schema_id

OFFERING_SCHEMA = "offering.schema.json"
_DATE = {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
_LINE = {"type": "string", "pattern": LINE_PATTERN}
_TEXT = {"type": "string", "minLength": 1, "pattern": TEXT_PATTERN}
REVIEWERS = ("human", "monitor", NOT_STATED)
REVIEW_DECISIONS = ("dismissed", "confirmed", "reverified")

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
            "copy": copy_schema(),
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

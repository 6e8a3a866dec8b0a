"""JSON Schemas of the published data (data.json and the per-offering API), from the vocabulary.

Grades, confidence levels, tiers, routes, defaults, dimensions and their facts all come from
schema/vocabulary.yaml, so a grade added there needs no code. `trustreg schema` writes them to
schema/; `trustreg build` publishes the same text under api/v1/schemas/; TR114 keeps them current.
"""

from __future__ import annotations

import json
from typing import Any

from ..schemas import (
    DATE_PATTERN,
    ID_PATTERN,
    OFFERING_SCHEMA,
    SCHEMA_DIR,
    fact_schema,
    generated_schema_text,
    offering_schema,
    schema_id,
)
from ..vocabulary import Vocabulary

API_DIR = "api/v1"
SCHEMAS_DIR = f"{API_DIR}/schemas"
# shipped file under schema/ -> published file under api/v1/schemas/
DATA_SCHEMA = "data.schema.json"
RECORD_SCHEMA = "api-offering.schema.json"
INDEX_SCHEMA = "api-offerings.schema.json"
PUBLISHED = {DATA_SCHEMA: "data.schema.json", RECORD_SCHEMA: "offering.schema.json",
             INDEX_SCHEMA: "offerings.schema.json"}
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# 2 (format v2): per cell route_via, list and date facts, variants, source kind; per offering
# aliases, service_name; the documented_no grade and the route kinds sign_in, nda, approval
# (format 1's trust_center_nda is route nda with route_via "trust center"): a consumer that
# knows version 1 meets new values in `value` and `route`, so the version changes.
SCHEMA_VERSION = 2
_DATE = {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
_STRING = {"type": "string"}
_NULLABLE = {"type": ["string", "null"]}
_URL = {"type": ["string", "null"], "format": "uri"}
# the outputs' own "$schema" member (a relative path to the published schema), declared by pattern:
# a "$schema" key anywhere but the top would read as a meta-schema (the shipped-schema check)
SCHEMA_KEY = {"^[$]schema$": {"type": "string", "description": "Path of this file's JSON Schema."}}


def _nullable_enum(values: tuple[str, ...] | list[str]) -> dict[str, Any]:
    return {"enum": [*values, None]}


def _defs(vocab: Vocabulary) -> dict[str, Any]:
    """Shared definitions: a date, a source, a cell and an offering as data.json writes them."""
    offering_props = offering_schema(vocab)["properties"]
    dims = {
        dim.id: {"$ref": "#/$defs/cell", "description": f"{dim.label}: {dim.question}",
                 "properties": {"facts": {"type": "object", "properties": {
                     name: fact_schema(spec) for name, spec in dim.facts.items()}}}}
        for dim in vocab.dimensions.values()
    }
    return {
        "date": dict(_DATE),
        "source": {
            "type": "object", "required": ["url", "title", "role", "retrieved"],
            "properties": {"url": _URL, "title": _STRING, "kind": _NULLABLE,
                           "role": {"enum": ["primary", "lead"]},
                           "retrieved": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                           "quote": _NULLABLE, "archived": _URL},
        },
        "cell": {
            "type": "object",
            "required": ["value", "confidence", "source", "archived", "verified"],
            "properties": {
                "value": {"enum": list(vocab.grades), "description": "The grade."},
                "confidence": {"enum": list(vocab.confidence)},
                "source": {**_URL, "description": "The newest primary source (by retrieved date), "
                                                  "or null when there is none."},
                "archived": {**_URL, "description": "Archived copy of that source."},
                "verified": {"$ref": "#/$defs/date"},
                "stale": {"type": "boolean", "description": "Verified more than stale_after_days "
                                                            "before the generated date."},
                "caveat": _NULLABLE,
                "evidence": _STRING,
                "tier": _nullable_enum(vocab.tier),
                "route": _nullable_enum(vocab.route),
                "route_via": {**_NULLABLE, "description": "Where the route runs (e.g. trust center)."},
                "default": _nullable_enum(vocab.default),
                "geography": _NULLABLE,
                "facts": {"type": "object"},
                "sources": {"type": "array", "items": {"$ref": "#/$defs/source"},
                            "description": "Every source of the cell, primaries and leads."},
                "reviews": {"type": "array", "items": {"type": "object"}},
                "variants": {"type": "array", "items": {"$ref": "#/$defs/variant"},
                             "description": "Where reality differs by plan, endpoint, model or region."},
                "watch_out": {"type": "boolean"},
            },
        },
        "variant": {
            "type": "object", "required": ["scope", "applies_to", "value"],
            "properties": {"scope": _STRING, "applies_to": _STRING,
                           "value": {"enum": list(vocab.grades)}, "caveat": _NULLABLE,
                           "evidence": _NULLABLE,
                           "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
                           "worse_than_headline": {"type": "boolean"}},
        },
        "offering": {
            "type": "object",
            "required": ["id", "name", "developer", "platform", "category", "model_family",
                         "summary", "dimensions"],
            "properties": {
                "id": {"type": "string", "pattern": ID_PATTERN},
                "name": _STRING,
                "aliases": {"type": "array", "items": _STRING,
                            "description": "Other names buyers know the offering by."},
                "service_name": {**_NULLABLE, "description": "The platform's name for the service."},
                "developer": {**_STRING, "description": "Display name, e.g. Cohere."},
                "platform": {**_STRING, "description": "Display name, e.g. Microsoft Azure."},
                "developer_id": _STRING,
                "platform_id": _STRING,
                "category": offering_props["category"],
                "model_family": _STRING,
                "summary": _STRING,
                "hosting": {"type": "object"},
                "verified": {"$ref": "#/$defs/date", "description": "Oldest verified date of its cells."},
                "watch_outs": {"type": "array", "items": {"enum": list(vocab.dimensions)},
                               "description": "Cells that are not a clean public yes."},
                "stale_cells": {"type": "array", "items": {"enum": list(vocab.dimensions)},
                                "description": "Cells verified more than stale_after_days ago."},
                "dimensions": {"type": "object", "properties": dims,
                               "additionalProperties": {"$ref": "#/$defs/cell"}},
            },
        },
    }


def _stamp_props() -> dict[str, Any]:
    return {
        "generated": {"$ref": "#/$defs/date", "description": "Date of the commit built "
                      "(SOURCE_DATE_EPOCH when set); see generated_from."},
        "generated_from": {**_STRING, "description": "SOURCE_DATE_EPOCH, commit <sha>, or "
                           "newest verified date (built outside a git checkout)."},
        "stale_after_days": {"type": "integer", "minimum": 0},
    }


def _head(name: str, title: str, description: str) -> dict[str, Any]:
    return {"$schema": DRAFT, "$id": schema_id(name), "title": title,
            "description": description + " Generated from schema/vocabulary.yaml by "
                                         "`trustreg schema`; do not edit by hand."}


def data_schema(vocab: Vocabulary) -> dict[str, Any]:
    """dist/data.json: the whole registry in one file."""
    return {
        **_head(DATA_SCHEMA, "AI Provider Trust Registry feed (data.json)",
                "The whole registry in one file. schema_version 2 (format v2: variants, typed facts, "
                "source kinds, the documented_no grade, route kinds); version 1 had the published "
                "feed's fields "
                "(name, generated, license, disclaimer, dimensions, offerings with per-dimension "
                "value, confidence, source, archived, verified) plus richer fields. Consumers must "
                "refuse a schema_version they do not know."),
        "type": "object",
        "required": ["name", "generated", "license", "disclaimer", "schema_version", "dimensions",
                     "offerings"],
        "patternProperties": SCHEMA_KEY,
        "properties": {
            "name": {"type": "string", "minLength": 1},
            **_stamp_props(),
            "license": {"type": "string", "minLength": 1},
            "license_url": {"type": "string", "format": "uri"},
            "disclaimer": {"type": "string", "minLength": 1},
            "schema_version": {"const": SCHEMA_VERSION},
            "dimensions": {"type": "object", "description": "Dimension id to the question it answers.",
                           "additionalProperties": _STRING},
            "dimension_info": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["label", "group", "graded_party"],
                "properties": {"label": _STRING, "group": _STRING,
                               "graded_party": {"enum": sorted({d.graded_party for d in
                                                                vocab.dimensions.values()})},
                               "facts": {"type": "object", "description": "The facts the "
                                         "dimension allows: name to JSON Schema."}}}},
            "grades": {"type": "object", "propertyNames": {"enum": list(vocab.grades)},
                       "additionalProperties": {
                           "type": "object", "required": ["label", "meaning"],
                           "properties": {"label": _STRING, "meaning": _STRING, "glyph": _STRING}}},
            "routes": {"type": "object", "propertyNames": {"enum": list(vocab.route)},
                       "additionalProperties": {"type": "object", "required": ["label", "meaning"],
                                                "properties": {"label": _STRING, "meaning": _STRING}}},
            "groups": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["label"], "properties": {"label": _STRING}}},
            "enums": {"type": "object", "description": "Allowed values of a cell's confidence, "
                      "tier, route and default.",
                      "additionalProperties": {"type": "array", "items": _STRING}},
            "vocabulary": {"type": "object", "description": "schema/vocabulary.yaml as data (grades, "
                           "groups, dimensions and their facts, routes, source kinds, independent "
                           "parties): what trustreg.api.load_feed rebuilds the objects from."},
            "corrections": {**_STRING, "description": "How to submit a correction."},
            "organisations": {"type": "object", "description": "Developers, platforms and "
                              "authorities by id.", "additionalProperties": {
                                  "type": "object", "required": ["name", "kind", "domains"],
                                  "properties": {"name": _STRING, "kind": _STRING,
                                                 "domains": {"type": "array", "items": _STRING},
                                                 "trust_center": _URL}}},
            "offerings": {"type": "array", "items": {"$ref": "#/$defs/offering"}},
        },
        "$defs": _defs(vocab),
    }


def record_schema(vocab: Vocabulary) -> dict[str, Any]:
    """dist/api/v1/offerings/<id>.json: one offering, with when its file last changed."""
    defs = _defs(vocab)
    offering = defs["offering"]
    return {
        **_head(RECORD_SCHEMA, "AI trust registry offering record (api/v1/offerings/<id>.json)",
                "One offering as data.json carries it, with the date its file last changed in git."),
        "type": "object",
        "required": ["$schema", "schema_version", "generated", "modified", *offering["required"]],
        "patternProperties": SCHEMA_KEY,
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            **_stamp_props(),
            "modified": {"type": ["string", "null"], "format": "date-time",
                         "description": "Commit time (UTC) of the last commit that changed the "
                                        "offering's file; null when unknown (see modified_note)."},
            "modified_commit": _NULLABLE,
            "modified_note": {**_NULLABLE, "description": "Why modified is null."},
            **offering["properties"],
        },
        "$defs": defs,
    }


def index_schema(vocab: Vocabulary) -> dict[str, Any]:
    """dist/api/v1/offerings.json: every offering in brief, with the path of its record."""
    defs = _defs(vocab)
    props = defs["offering"]["properties"]
    brief = {k: props[k] for k in ("id", "name", "developer", "platform", "developer_id",
                                   "platform_id", "category", "verified", "watch_outs",
                                   "stale_cells")}
    return {
        **_head(INDEX_SCHEMA, "AI trust registry offering index (api/v1/offerings.json)",
                "Every offering in brief, with the path of its full record."),
        "type": "object",
        "required": ["$schema", "schema_version", "name", "generated", "offerings"],
        "patternProperties": SCHEMA_KEY,
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "name": _STRING,
            **_stamp_props(),
            "license": _STRING,
            "offerings": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "name", "path", "modified", "verified"],
                "properties": {**brief, "path": {"type": "string", "pattern": "^offerings/"},
                               "modified": {"type": ["string", "null"], "format": "date-time"}},
            }},
        },
        "$defs": {"date": defs["date"]},
    }


SCHEMAS = {DATA_SCHEMA: data_schema, RECORD_SCHEMA: record_schema, INDEX_SCHEMA: index_schema}


def schema_texts(vocab: Vocabulary) -> dict[str, str]:
    """File name under schema/ -> the text it must hold for this vocabulary."""
    return {name: json.dumps(make(vocab), indent=2, ensure_ascii=False) + "\n"
            for name, make in SCHEMAS.items()}


def shipped_path(name: str) -> str:
    return f"{SCHEMA_DIR}/{name}"


def generated_texts(vocab: Vocabulary) -> dict[str, str]:
    """Every schema file the vocabulary generates (path from the root -> text)."""
    return {f"{SCHEMA_DIR}/{OFFERING_SCHEMA}": generated_schema_text(vocab),
            **{shipped_path(name): text for name, text in schema_texts(vocab).items()}}

"""JSON Schemas of the published data (data.json and the per-offering API), from the vocabulary.

Grades, confidence levels, tiers, routes, defaults, dimensions and their facts all come from
schema/vocabulary.yaml, so a grade added there needs no code. `trustreg schema` writes them to
schema/; `trustreg build` publishes the same text under api/v1/schemas/; TR114 keeps them current.
"""

from __future__ import annotations

import json
from typing import Any

from ..vocabulary import Vocabulary
from .common import DATE_PATTERN, ID_PATTERN, schema_id
from .data_files import fact_schema, offering_schema

API_DIR = "api/v1"
SCHEMAS_DIR = f"{API_DIR}/schemas"
# shipped file under schema/ -> published file under api/v1/schemas/
DATA_SCHEMA = "data.schema.json"
RECORD_SCHEMA = "api-offering.schema.json"
INDEX_SCHEMA = "api-offerings.schema.json"
PUBLISHED = {DATA_SCHEMA: "data.schema.json", RECORD_SCHEMA: "offering.schema.json",
             INDEX_SCHEMA: "offerings.schema.json"}
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# The feed's version is SCHEMA_VERSION.SCHEMA_MINOR (docs/FEED.md): readers check the major
# `schema_version`, which only changes when a field is removed or changes meaning; additions
# (fields, values) raise the minor. 1.0: the first feed. 1.1: format 2 (variants, typed facts,
# source kinds, documented_no, route kinds; once published as schema_version 2). 1.2: drafts
# (verified null, draft), sources read in copies (copy), schema_minor, absolute $schema.
SCHEMA_VERSION = 1
SCHEMA_MINOR = 2
_DATE = {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
_STRING = {"type": "string"}
# a build may be stamped any day (SOURCE_DATE_EPOCH=0 is 1970-01-01); data dates start in 1990
_BUILD_DATE = {"type": "string", "format": "date",
               "pattern": "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"}
_NULLABLE = {"type": ["string", "null"]}
_URL = {"type": ["string", "null"], "format": "uri"}
_NULLABLE_DATE = {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]}
# the outputs' own "$schema" member (the URL or path of the published schema), declared by pattern:
# a "$schema" key anywhere but the top would read as a meta-schema (the shipped-schema check)
SCHEMA_KEY = {"^[$]schema$": {"type": "string", "description": "URL of this file's JSON Schema "
                              "(a path relative to the file when registry.yaml sets no base_url)."}}


def published_url(base_url: str | None, name: str) -> str | None:
    """The absolute URL of a published schema under base_url, or None without one."""
    return f"{base_url.rstrip('/')}/{SCHEMAS_DIR}/{PUBLISHED[name]}" if base_url else None


def _version_props() -> dict[str, Any]:
    return {"schema_version": {"const": SCHEMA_VERSION, "description": "Major version: changes "
                               "only when a field is removed or changes meaning (docs/FEED.md)."},
            "schema_minor": {"type": "integer", "minimum": SCHEMA_MINOR, "description": "Minor "
                             "version: raised by additions (new fields, new values)."}}


def _nullable_enum(values: tuple[str, ...] | list[str]) -> dict[str, Any]:
    return {"enum": [*values, None]}


def _defs(vocab: Vocabulary) -> dict[str, Any]:
    """Shared definitions: a date, a source, a cell and an offering as data.json writes them."""
    offering_props = offering_schema(vocab)["properties"]
    dims = {
        dim.id: {"$ref": "#/$defs/cell", "description": f"{dim.label}: {dim.question}",
                 "type": "object", "properties": {"facts": {"type": "object", "properties": {
                     name: fact_schema(spec) for name, spec in dim.facts.items()}}}}
        for dim in vocab.dimensions.values()
    }
    return {
        "date": dict(_DATE),
        "source": {
            "type": "object", "required": ["url", "title", "role", "retrieved"],
            "properties": {"url": {**_URL, "description": "The vendor's own address of the page."},
                           "title": _STRING, "kind": _NULLABLE,
                           "role": {"enum": ["primary", "lead"]},
                           "retrieved": {**_NULLABLE_DATE, "description": "The day a person read "
                                         "the live page; null when it was read in a copy."},
                           "copy": {"anyOf": [{"$ref": "#/$defs/copy"}, {"type": "null"}],
                                    "description": "Where the text was read instead of the live "
                                                   "page (since 1.2)."},
                           "quote": _NULLABLE, "archived": _URL},
        },
        "copy": {
            "type": "object", "required": ["held_by"],
            "properties": {"held_by": {**_STRING, "description": "Where the copy is kept."},
                           "url": {**_URL, "description": "The copy's own address, when it has one."},
                           "captured": {**_NULLABLE_DATE, "description": "The copy's capture date, "
                                        "when known."}},
        },
        "draft": {
            "type": "object", "required": ["by", "date"],
            "description": "Graded from copies of the cited pages; not yet verified live.",
            "properties": {"by": {**_STRING, "description": "Who graded it."},
                           "date": {"$ref": "#/$defs/date", "description": "When it was graded."}},
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
                "verified": {**_NULLABLE_DATE, "description": "The day a person verified the "
                             "cell against the live pages; null for a draft (since 1.2)."},
                "draft": {"anyOf": [{"$ref": "#/$defs/draft"}, {"type": "null"}],
                          "description": "Set when the cell is a draft: graded from copies of the "
                                         "cited pages, not yet verified live (since 1.2)."},
                "stale": {"type": "boolean", "description": "Verified more than stale_after_days "
                                                            "before the generated date (never a draft)."},
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
                "verified": {**_NULLABLE_DATE, "description": "Oldest verified date of its verified "
                             "cells (drafts do not count); null when every cell is a draft."},
                "drafts": {"type": "array", "items": {"enum": list(vocab.dimensions)},
                           "description": "Cells that are drafts (since 1.2)."},
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
        "generated": {**_BUILD_DATE, "description": "Date of the commit built "
                      "(SOURCE_DATE_EPOCH when set, any day from 1970 on); see generated_from."},
        "generated_from": {**_STRING, "description": "SOURCE_DATE_EPOCH, commit <sha>, or (built "
                           "from no commit) newest verified date, newest draft date or today."},
        "stale_after_days": {"type": "integer", "minimum": 0},
    }


def _head(name: str, title: str, description: str, base_url: str | None) -> dict[str, Any]:
    """`$id` is the schema's URL under base_url; without one, the URN it is shipped with."""
    return {"$schema": DRAFT, "$id": published_url(base_url, name) or schema_id(name), "title": title,
            "description": description + " Generated from schema/vocabulary.yaml by "
                                         "`trustreg schema`; do not edit by hand."}


def data_schema(vocab: Vocabulary, base_url: str | None = None) -> dict[str, Any]:
    """dist/data.json: the whole registry in one file."""
    return {
        **_head(DATA_SCHEMA, "AI Provider Trust Registry feed (data.json)",
                f"The whole registry in one file, version {SCHEMA_VERSION}.{SCHEMA_MINOR} "
                "(schema_version.schema_minor). Version 1.0 had the published feed's fields (name, "
                "generated, license, disclaimer, dimensions, offerings with per-dimension value, "
                "confidence, source, archived, verified); each minor version only adds fields and "
                "values, which readers of an older 1.x meet as described in docs/FEED.md. Consumers "
                "must refuse a schema_version they do not know.", base_url),
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
            **_version_props(),
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


def record_schema(vocab: Vocabulary, base_url: str | None = None) -> dict[str, Any]:
    """dist/api/v1/offerings/<id>.json: one offering, with when its file last changed."""
    defs = _defs(vocab)
    offering = defs["offering"]
    return {
        **_head(RECORD_SCHEMA, "AI trust registry offering record (api/v1/offerings/<id>.json)",
                "One offering as data.json carries it, with the date its file last changed in git.",
                base_url),
        "type": "object",
        "required": ["schema_version", "generated", "modified", *offering["required"]],
        "patternProperties": SCHEMA_KEY,
        "properties": {
            **_version_props(),
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


def index_schema(vocab: Vocabulary, base_url: str | None = None) -> dict[str, Any]:
    """dist/api/v1/offerings.json: every offering in brief, with the path of its record."""
    defs = _defs(vocab)
    props = defs["offering"]["properties"]
    brief = {k: props[k] for k in ("id", "name", "developer", "platform", "developer_id",
                                   "platform_id", "category", "verified", "drafts", "watch_outs",
                                   "stale_cells")}
    return {
        **_head(INDEX_SCHEMA, "AI trust registry offering index (api/v1/offerings.json)",
                "Every offering in brief, with the path of its full record.", base_url),
        "type": "object",
        "required": ["schema_version", "name", "generated", "offerings"],
        "patternProperties": SCHEMA_KEY,
        "properties": {
            **_version_props(),
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


def schema_texts(vocab: Vocabulary, base_url: str | None = None) -> dict[str, str]:
    """File name under schema/ -> the text it must hold for this vocabulary (schema/ holds them
    without a base_url; the build publishes them with registry.yaml's)."""
    return {name: json.dumps(make(vocab, base_url), indent=2, ensure_ascii=False) + "\n"
            for name, make in SCHEMAS.items()}



"""dist/data.json: the registry feed existing consumers read, plus the richer fields."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..jsonschemas.outputs import OutputSchema
from ..jsonschemas.published import (
    DATA_SCHEMA,
    PUBLISHED,
    SCHEMA_MINOR,
    SCHEMA_VERSION,
    SCHEMAS_DIR,
    data_schema,
    published_url,
)
from ..model import Cell, Offering, Registry, Source, Variant
from ..vocabulary import to_data
from .stamps import Stamps


def source_entry(source: Source) -> dict[str, Any]:
    """A source; `retrieved` is null and `copy` says where it was read when not read live."""
    return {"url": source.url, "title": source.title, "kind": source.kind, "role": source.role,
            "retrieved": source.retrieved, "copy": asdict(source.copy) if source.copy else None,
            "quote": source.quote, "archived": source.archived}


def versions() -> dict[str, int]:
    return {"schema_version": SCHEMA_VERSION, "schema_minor": SCHEMA_MINOR}


def schema_ref(registry: Registry, name: str, relative: str) -> str:
    """An output's `$schema`: the schema's URL under base_url, else its path relative to the file."""
    return published_url(registry.meta.base_url, name) or relative


def newest_primary(cell: Cell) -> Source | None:
    """The primary source retrieved last (the first listed of those retrieved that day)."""
    primaries = cell.primary_sources
    if not primaries:
        return None
    newest = max(s.retrieved or "" for s in primaries)
    return next(s for s in primaries if (s.retrieved or "") == newest)


def variant_entry(variant: Variant, headline: Cell) -> dict[str, Any]:
    return {"scope": variant.scope, "applies_to": variant.applies_to, "value": variant.status,
            "caveat": variant.caveat, "evidence": variant.evidence,
            "sources": [source_entry(s) for s in variant.sources],
            "worse_than_headline": variant in headline.worse_variants}


def cell_entry(cell: Cell, stamps: Stamps) -> dict[str, Any]:
    """A cell: the feed's value/confidence/source/archived/verified, then the richer fields."""
    primary = newest_primary(cell)
    return {
        "value": cell.status,
        "confidence": cell.confidence,
        "source": primary.url if primary else None,
        "archived": primary.archived if primary else None,
        "verified": cell.verified,  # None for a draft: a draft is never dated as verified
        "draft": asdict(cell.draft) if cell.draft else None,
        "stale": stamps.is_stale(cell),
        "caveat": cell.caveat,
        "evidence": cell.evidence,
        "tier": cell.tier,
        "route": cell.route,
        "route_via": cell.route_via,
        "default": cell.default,
        "geography": cell.geography,
        "facts": dict(cell.ordered_facts),
        "sources": [source_entry(s) for s in cell.sources],
        "reviews": [{k: v for k, v in asdict(r).items() if v is not None} for r in cell.reviews],
        "variants": [variant_entry(v, cell) for v in cell.variants],
        "watch_out": cell.is_watch_out,
    }


def offering_entry(offering: Offering, stamps: Stamps) -> dict[str, Any]:
    return {
        "id": offering.id,
        "name": offering.name,
        "aliases": list(offering.aliases),
        "service_name": offering.service_name,
        "developer": offering.developer.name,
        "platform": offering.platform.name,
        "developer_id": offering.developer.id,
        "platform_id": offering.platform.id,
        "category": offering.category,
        "model_family": offering.model_family,
        "summary": offering.summary,
        "hosting": offering.hosting,
        "verified": offering.verified,
        "drafts": [c.dimension.id for c in offering.drafts],
        "watch_outs": [c.dimension.id for c in offering.watch_outs],
        "stale_cells": [c.dimension.id for c in offering.cells.values() if stamps.is_stale(c)],
        "dimensions": {dim: cell_entry(cell, stamps) for dim, cell in offering.cells.items()},
    }


def stamp_fields(stamps: Stamps) -> dict[str, Any]:
    return {"generated": stamps.generated, "generated_from": stamps.generated_from,
            "stale_after_days": stamps.stale_after_days}


def offering_entries(registry: Registry, stamps: Stamps) -> dict[str, dict[str, Any]]:
    """Each offering as data.json carries it, by id (made once per build, used by every output)."""
    return {o.id: offering_entry(o, stamps) for o in registry.offerings.values()}


def build_feed(registry: Registry, stamps: Stamps,
               entries: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    vocab = registry.vocabulary
    entries = offering_entries(registry, stamps) if entries is None else entries
    return {
        "$schema": schema_ref(registry, DATA_SCHEMA, f"{SCHEMAS_DIR}/{PUBLISHED[DATA_SCHEMA]}"),
        "name": registry.meta.name,
        **stamp_fields(stamps),
        "license": registry.meta.license,
        "license_url": registry.meta.license_url,
        "disclaimer": registry.meta.disclaimer,
        **versions(),
        "dimensions": {d.id: d.question for d in vocab.dimensions.values()},
        "dimension_info": {d.id: {"label": d.label, "group": d.group,
                                  "graded_party": d.graded_party, "facts": d.facts}
                           for d in vocab.dimensions.values()},
        "grades": {g.id: {"label": g.label, "meaning": g.meaning, "glyph": g.glyph}
                   for g in vocab.grades.values()},
        "routes": {r: {"label": i["label"], "meaning": i["meaning"]} for r, i in vocab.route_info.items()},
        "groups": {g.id: {"label": g.label} for g in vocab.groups.values()},
        "enums": {"confidence": list(vocab.confidence), "tier": list(vocab.tier),
                  "route": list(vocab.route), "default": list(vocab.default)},
        "vocabulary": to_data(vocab),
        "corrections": registry.meta.corrections,
        "organisations": {o.id: {"name": o.name, "kind": o.kind, "domains": list(o.domains),
                                 "trust_center": o.trust_center}
                          for o in registry.organisations.values()},
        "offerings": list(entries.values()),
    }


def dumps(data: Any) -> str:
    """JSON as json.dumps(indent=2, ensure_ascii=False) writes it, ten times faster (orjson)."""
    import orjson

    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def feed_text(registry: Registry, stamps: Stamps,
              entries: dict[str, dict[str, Any]] | None = None) -> str:
    """The feed as text, validated against the schema the vocabulary generates first."""
    feed = build_feed(registry, stamps, entries)
    OutputSchema(data_schema(registry.vocabulary, registry.meta.base_url)).check(feed, "data.json")
    return dumps(feed)


def write_feed(registry: Registry, stamps: Stamps, out: Path,
               entries: dict[str, dict[str, Any]] | None = None) -> None:
    (out / "data.json").write_text(feed_text(registry, stamps, entries), encoding="utf-8")

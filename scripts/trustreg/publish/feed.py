"""dist/data.json: the registry feed existing consumers read, plus the richer fields."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import jsonschema

from ..model import Cell, Offering, Registry, Source
from ..schemas import explaining_validator, read_schema

SCHEMA_VERSION = 1
FEED_SCHEMA = "schema/data.schema.json"


def _source(source: Source) -> dict[str, Any]:
    return {"url": source.url, "title": source.title, "role": source.role,
            "retrieved": source.retrieved, "quote": source.quote, "archived": source.archived}


def cell_entry(cell: Cell) -> dict[str, Any]:
    """A cell: the feed's value/confidence/source/archived/verified, then the richer fields."""
    primary = cell.primary_sources[0] if cell.primary_sources else None
    return {
        "value": cell.status,
        "confidence": cell.confidence,
        "source": primary.url if primary else None,
        "archived": primary.archived if primary else None,
        "verified": cell.verified,
        "caveat": cell.caveat,
        "evidence": cell.evidence,
        "tier": cell.tier,
        "route": cell.route,
        "default": cell.default,
        "geography": cell.geography,
        "facts": dict(cell.ordered_facts),
        "sources": [_source(s) for s in cell.sources],
        "reviews": [{k: v for k, v in asdict(r).items() if v is not None} for r in cell.reviews],
        "watch_out": cell.is_watch_out,
    }


def offering_entry(offering: Offering) -> dict[str, Any]:
    return {
        "id": offering.id,
        "name": offering.name,
        "developer": offering.developer.name,
        "platform": offering.platform.name,
        "developer_id": offering.developer.id,
        "platform_id": offering.platform.id,
        "category": offering.category,
        "model_family": offering.model_family,
        "summary": offering.summary,
        "hosting": offering.hosting,
        "verified": offering.verified,
        "watch_outs": [c.dimension.id for c in offering.watch_outs],
        "dimensions": {dim: cell_entry(cell) for dim, cell in offering.cells.items()},
    }


def build_feed(registry: Registry) -> dict[str, Any]:
    vocab = registry.vocabulary
    return {
        "name": registry.meta.name,
        "generated": registry.verified,
        "license": registry.meta.license,
        "license_url": registry.meta.license_url,
        "disclaimer": registry.meta.disclaimer,
        "schema_version": SCHEMA_VERSION,
        "dimensions": {d.id: d.question for d in vocab.dimensions.values()},
        "dimension_info": {d.id: {"label": d.label, "group": d.group,
                                  "graded_party": d.graded_party}
                           for d in vocab.dimensions.values()},
        "grades": {g.id: {"label": g.label, "meaning": g.meaning} for g in vocab.grades.values()},
        "offerings": [offering_entry(o) for o in registry.offerings.values()],
    }


def feed_text(registry: Registry) -> str:
    """The feed as text, validated against the published schema first."""
    feed = build_feed(registry)
    schema = read_schema(registry.root, FEED_SCHEMA)  # `check` has vetted it: no link, no remote $ref
    validator = explaining_validator(schema)  # which never fetches, whatever the schema says
    error = jsonschema.exceptions.best_match(validator.iter_errors(feed))
    if error is not None:
        where = "/".join(map(str, error.absolute_path))
        raise ValueError(f"data.json does not match {FEED_SCHEMA} at /{where}: {error.message}")
    return json.dumps(feed, indent=2, ensure_ascii=False) + "\n"


def write_feed(registry: Registry, out: Path) -> None:
    (out / "data.json").write_text(feed_text(registry), encoding="utf-8")

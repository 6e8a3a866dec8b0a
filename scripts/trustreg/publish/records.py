"""dist/api/v1/: one JSON record per offering at a stable path, an index, and their schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..jsonschemas.outputs import OutputSchema
from ..jsonschemas.published import (
    API_DIR,
    INDEX_SCHEMA,
    PUBLISHED,
    RECORD_SCHEMA,
    index_schema,
    record_schema,
    schema_texts,
)
from ..model import Offering, Registry
from .feed import dumps, offering_entries, schema_ref, stamp_fields, versions
from .stamps import Stamps


def record(registry: Registry, offering: Offering, stamps: Stamps,
           entry: dict[str, Any]) -> dict[str, Any]:
    modified = stamps.modified_of(offering.id)
    return {
        "$schema": schema_ref(registry, RECORD_SCHEMA, f"../schemas/{PUBLISHED[RECORD_SCHEMA]}"),
        **versions(),
        # the build date (stale flags are as of it) but not the commit: a record changes only
        # when its offering, the vocabulary or the date does
        "generated": stamps.generated,
        "stale_after_days": stamps.stale_after_days,
        "modified": modified.at,
        "modified_commit": modified.commit,
        "modified_note": modified.note,
        **entry,
    }


def index(registry: Registry, stamps: Stamps, entries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    brief = []
    for offering in registry.offerings.values():
        entry = entries[offering.id]
        brief.append({**{k: entry[k] for k in ("id", "name", "developer", "platform", "developer_id",
                                               "platform_id", "category", "verified", "drafts",
                                               "watch_outs", "stale_cells")},
                      "modified": stamps.modified_of(offering.id).at,
                      "path": f"offerings/{offering.id}.json"})
    return {"$schema": schema_ref(registry, INDEX_SCHEMA, f"schemas/{PUBLISHED[INDEX_SCHEMA]}"), **versions(),
            "name": registry.meta.name, **stamp_fields(stamps), "license": registry.meta.license,
            "offerings": brief}


def write_records(registry: Registry, stamps: Stamps, out: Path,
                  entries: dict[str, dict[str, Any]] | None = None) -> None:
    """Write api/v1/offerings/<id>.json, api/v1/offerings.json and api/v1/schemas/ under out."""
    entries = offering_entries(registry, stamps) if entries is None else entries
    api = out / API_DIR
    (api / "offerings").mkdir(parents=True, exist_ok=True)
    (api / "schemas").mkdir(parents=True, exist_ok=True)
    vocab, base_url = registry.vocabulary, registry.meta.base_url
    for name, text in schema_texts(vocab, base_url).items():
        (api / "schemas" / PUBLISHED[name]).write_text(text, encoding="utf-8")
    schema = OutputSchema(record_schema(vocab, base_url))
    for offering in registry.offerings.values():
        data = record(registry, offering, stamps, entries[offering.id])
        schema.check(data, f"{API_DIR}/offerings/{offering.id}.json")
        (api / "offerings" / f"{offering.id}.json").write_text(dumps(data), encoding="utf-8")
    data = index(registry, stamps, entries)
    OutputSchema(index_schema(vocab, base_url)).check(data, f"{API_DIR}/offerings.json")
    (api / "offerings.json").write_text(dumps(data), encoding="utf-8")

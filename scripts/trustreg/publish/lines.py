"""dist/offerings.jsonl: JSON Lines, one offering per line, as data.json's `offerings` carries it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from ..jsonschemas.outputs import OutputSchema
from ..jsonschemas.published import data_schema
from ..model import Registry

LINES_FILE = "offerings.jsonl"


def offering_schema(registry: Registry) -> dict[str, Any]:
    """The schema of one line: data.json's offering definition, standing on its own."""
    schema = data_schema(registry.vocabulary, registry.meta.base_url)
    return {"$schema": schema["$schema"], "$ref": "#/$defs/offering", "$defs": schema["$defs"]}


def lines_text(registry: Registry, entries: dict[str, dict[str, Any]]) -> str:
    """Each offering on one line (compact, UTF-8, keys in data.json's order), validated first."""
    schema = OutputSchema(offering_schema(registry))
    lines = []
    for number, entry in enumerate(entries.values(), start=1):
        schema.check(entry, f"{LINES_FILE} line {number}")
        lines.append(orjson.dumps(entry).decode("utf-8") + "\n")
    return "".join(lines)


def write_lines(registry: Registry, entries: dict[str, dict[str, Any]], out: Path) -> None:
    (out / LINES_FILE).write_text(lines_text(registry, entries), encoding="utf-8")

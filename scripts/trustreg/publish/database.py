"""dist/registry.sqlite: the registry as an SQLite database (stdlib sqlite3), for sqlite3 and Datasette.

Tables: offerings, cells (one per offering and dimension), sources (of cells and variants),
variants, plus dimensions and grades (labels and meanings). Lists and facts are JSON text.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from ..model import Registry
from .stamps import Stamps

DATABASE_FILE = "registry.sqlite"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE grades (id TEXT PRIMARY KEY, label TEXT NOT NULL, meaning TEXT NOT NULL, rank INTEGER NOT NULL);
CREATE TABLE dimensions (id TEXT PRIMARY KEY, label TEXT NOT NULL, question TEXT NOT NULL,
  "group" TEXT NOT NULL, graded_party TEXT NOT NULL);
CREATE TABLE offerings (id TEXT PRIMARY KEY, name TEXT NOT NULL, developer TEXT NOT NULL,
  platform TEXT NOT NULL, developer_id TEXT NOT NULL, platform_id TEXT NOT NULL,
  category TEXT NOT NULL, model_family TEXT NOT NULL, summary TEXT NOT NULL, hosting TEXT NOT NULL,
  aliases TEXT NOT NULL, service_name TEXT, verified TEXT, drafts INTEGER NOT NULL,
  watch_outs INTEGER NOT NULL);
CREATE TABLE cells (offering_id TEXT NOT NULL REFERENCES offerings(id),
  dimension TEXT NOT NULL REFERENCES dimensions(id), value TEXT NOT NULL REFERENCES grades(id),
  confidence TEXT NOT NULL, verified TEXT, draft INTEGER NOT NULL, draft_by TEXT, draft_date TEXT,
  stale INTEGER NOT NULL, watch_out INTEGER NOT NULL, caveat TEXT, evidence TEXT NOT NULL,
  tier TEXT, route TEXT, route_via TEXT, "default" TEXT, geography TEXT, facts TEXT NOT NULL,
  PRIMARY KEY (offering_id, dimension));
CREATE TABLE variants (offering_id TEXT NOT NULL, dimension TEXT NOT NULL, variant INTEGER NOT NULL,
  scope TEXT NOT NULL, applies_to TEXT NOT NULL, value TEXT NOT NULL REFERENCES grades(id),
  caveat TEXT, evidence TEXT, worse_than_headline INTEGER NOT NULL,
  PRIMARY KEY (offering_id, dimension, variant),
  FOREIGN KEY (offering_id, dimension) REFERENCES cells(offering_id, dimension));
CREATE TABLE sources (offering_id TEXT NOT NULL, dimension TEXT NOT NULL, variant INTEGER,
  position INTEGER NOT NULL, url TEXT, title TEXT NOT NULL, kind TEXT, role TEXT NOT NULL,
  retrieved TEXT, copy_held_by TEXT, copy_url TEXT, copy_captured TEXT, quote TEXT, archived TEXT,
  FOREIGN KEY (offering_id, dimension) REFERENCES cells(offering_id, dimension));
CREATE INDEX sources_by_cell ON sources (offering_id, dimension);
"""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _source_row(where: tuple[Any, ...], position: int, s: dict[str, Any]) -> tuple[Any, ...]:
    copy = s.get("copy") or {}
    return (*where, position, s["url"], s["title"], s["kind"], s["role"], s["retrieved"],
            copy.get("held_by"), copy.get("url"), copy.get("captured"), s["quote"], s["archived"])


def fill(db: sqlite3.Connection, registry: Registry, stamps: Stamps,
         entries: dict[str, dict[str, Any]]) -> None:
    vocab = registry.vocabulary
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("name", registry.meta.name), ("license", registry.meta.license),
        ("license_url", registry.meta.license_url), ("disclaimer", registry.meta.disclaimer),
        ("generated", stamps.generated), ("generated_from", stamps.generated_from)])
    db.executemany("INSERT INTO grades VALUES (?, ?, ?, ?)",
                   [(g.id, g.label, g.meaning, vocab.rank(g.id)) for g in vocab.grades.values()])
    db.executemany("INSERT INTO dimensions VALUES (?, ?, ?, ?, ?)",
                   [(d.id, d.label, d.question, d.group, d.graded_party)
                    for d in vocab.dimensions.values()])
    for entry in entries.values():
        ident = entry["id"]
        db.execute("INSERT INTO offerings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
            ident, entry["name"], entry["developer"], entry["platform"], entry["developer_id"],
            entry["platform_id"], entry["category"], entry["model_family"], entry["summary"],
            _json(entry["hosting"]), _json(entry["aliases"]), entry["service_name"],
            entry["verified"], len(entry["drafts"]), len(entry["watch_outs"])))
        for dim, cell in entry["dimensions"].items():
            draft = cell["draft"] or {}
            db.execute("INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                ident, dim, cell["value"], cell["confidence"], cell["verified"], bool(draft),
                draft.get("by"), draft.get("date"), cell["stale"], cell["watch_out"], cell["caveat"],
                cell["evidence"], cell["tier"], cell["route"], cell["route_via"], cell["default"],
                cell["geography"], _json(cell["facts"])))
            db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [_source_row((ident, dim, None), i, s) for i, s in enumerate(cell["sources"])])
            for n, variant in enumerate(cell["variants"]):
                db.execute("INSERT INTO variants VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                    ident, dim, n, variant["scope"], variant["applies_to"], variant["value"],
                    variant["caveat"], variant["evidence"], variant["worse_than_headline"]))
                db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               [_source_row((ident, dim, n), i, s)
                                for i, s in enumerate(variant["sources"])])


def write_database(registry: Registry, stamps: Stamps, entries: dict[str, dict[str, Any]],
                   out: Path) -> None:
    """Write registry.sqlite under out (a fresh file; the build folder is new)."""
    path = out / DATABASE_FILE
    db = sqlite3.connect(path)
    try:
        with db:
            db.execute("PRAGMA foreign_keys = ON")
            fill(db, registry, stamps, entries)
        db.execute("VACUUM")
    finally:
        db.close()

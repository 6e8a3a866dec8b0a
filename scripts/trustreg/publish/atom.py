"""dist/changes.atom: an Atom 1.0 (RFC 4287) feed of additions and corrections from git history.

It reads the same semantic history as CHANGELOG.md (changelog.History over first-parent commits):
one entry per added offering and per corrected cell, with old and new grade, the primary source
and the credits. Entry ids are stable: they name the commit, the offering and the cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from .. import gitdata
from ..changelog import History, Person, credits, visible
from ..model import Registry
from ..rules.tr107_safe_urls import url_problem
from ..semdiff import CellChange, cells_of, diff_registry, sources_of
from .stamps import Stamps, iso, utc

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_FILE = "changes.atom"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Entry:
    id: str
    updated: str  # RFC 3339, UTC
    title: str
    kind: str  # "addition" or "correction"
    offering: str
    offering_name: str
    dimension: str | None
    old_grade: str | None
    new_grade: str | None
    source_title: str | None
    source_url: str | None
    people: tuple[Person, ...]
    text: str


def x(text: Any) -> str:
    """Escape text for XML, dropping characters XML 1.0 cannot hold and bidi controls."""
    return escape(clean(text))


def attr(text: Any) -> str:
    """Text as a quoted XML attribute value, with its quotes, cleaned as x() cleans it."""
    return quoteattr(clean(text))


def clean(text: Any) -> str:
    """Text as the feed holds it: no character XML 1.0 cannot hold, no control or bidi override."""
    return visible(_NOT_XML.sub("", str(text)))


def entry_id(registry: Registry, sha: str, offering: str, dimension: str | None) -> str:
    """A stable id: a tag: URI (RFC 4151) when registry.yaml declares the publisher's tag_entity
    (e.g. example.org,2026), else a URN in the project's own namespace (no authority is invented)."""
    what = "/".join(quote(clean(part), safe="") for part in (sha, offering, dimension) if part)
    if registry.meta.tag_entity:
        return f"tag:{registry.meta.tag_entity}:{what}"
    return f"urn:ai-trust-registry:change:{what.replace('/', ':')}"


def _primary(change: CellChange) -> dict[str, Any] | None:
    fresh = change.fresh_primary_sources or [s for s in sources_of(change.new)
                                             if s.get("role") == "primary"]
    return fresh[0] if fresh else None


def entries(registry: Registry, warn: Callable[[str], None] = lambda message: None) -> list[Entry]:
    """Additions and corrections along first-parent history, newest first."""
    root = registry.root
    if not gitdata.has_commits(root):
        return []
    history = History(root, registry.vocabulary, warn)
    found: list[Entry] = []
    with gitdata.Blobs(root) as blobs:
        for commit in gitdata.first_parent_history(root, blobs, gitdata.first_parents(root, "HEAD")):
            old, new, renames = history.apply(blobs, commit)
            diff = diff_registry(old, new, renames)
            if not (diff.added or any(c.is_correction for c in diff.cells)):
                continue
            people = tuple(credits(history.people(blobs, commit)))
            moment = utc(commit.committed)
            if moment is None:
                warn(f"warning: commit {commit.sha[:10]} has no readable committer date: its "
                     "changes are left out of changes.atom")
                continue
            updated = iso(moment)
            for ident in diff.added:
                found.append(_addition(registry, history, commit.sha, updated, ident, new[ident], people))
            for change in diff.cells:
                if change.is_correction:
                    name = str(new[change.offering].get("name", change.offering))
                    found.append(_correction(registry, history, commit.sha, updated, name, change,
                                             people))
    return found[::-1]


def _addition(registry: Registry, history: History, sha: str, updated: str, ident: str,
              data: dict[str, Any], people: tuple[Person, ...]) -> Entry:
    cells = cells_of(data)
    name = str(data.get("name", ident))
    grades = [f"{history.label(k)}: {history.grade(c.get('status'))}" for k, c in cells.items()]
    watch = sum(1 for c in cells.values() if c.get("status") != "yes_public")
    text = f"Added {name} ({ident}): {len(cells)} cells, {watch} watch-outs.\n" + "\n".join(grades)
    return Entry(entry_id(registry, sha, ident, None), updated, f"Added: {name}", "addition", ident,
                 name, None, None, None, None, None, people, text)


def _correction(registry: Registry, history: History, sha: str, updated: str, name: str,
                change: CellChange, people: tuple[Person, ...]) -> Entry:
    old, new = change.old.get("status"), change.new.get("status")
    label = history.label(change.dimension)
    grade = (f"{history.grade(old)} → {history.grade(new)}" if old != new
             else f"{history.grade(new)} (unchanged)")
    source = _primary(change)
    lines = [f"{name} · {label}: {grade}.",
             f"Changed: {', '.join(change.fields)}."]
    if change.new.get("caveat"):
        lines.append(f"Watch-out: {change.new['caveat']}")
    lines.append(f"Source: {source.get('title')} <{source.get('url')}>" if source
                 else "No primary source.")
    return Entry(entry_id(registry, sha, change.offering, change.dimension), updated,
                 f"Corrected: {name} · {label}: {grade}", "correction", change.offering, name,
                 change.dimension, old if isinstance(old, str) else None,
                 new if isinstance(new, str) else None,
                 source.get("title") if source else None, source.get("url") if source else None,
                 people, "\n".join(lines))


def _entry_xml(entry: Entry) -> str:
    parts = [f"<entry>\n<id>{x(entry.id)}</id>\n<title>{x(entry.title)}</title>",
             f"<updated>{entry.updated}</updated>"]
    parts += [f"<author><name>{x(p.name)}</name></author>" for p in entry.people
              if p.role != "reporter"] or ["<author><name>unknown</name></author>"]
    parts += [f"<contributor><name>{x(p.name)}</name></contributor>" for p in entry.people
              if p.role == "reporter"]
    parts.append(f"<category term={attr(entry.kind)}/>")
    parts.append(f"<category term={attr(entry.offering)} label={attr(entry.offering_name)}/>")
    if entry.dimension:
        parts.append(f'<category term={attr(entry.dimension)} scheme="urn:ai-trust-registry:dimension"/>')
    for scheme, grade in (("old-grade", entry.old_grade), ("new-grade", entry.new_grade)):
        if grade:  # machine-readable grades beside the title's labels
            parts.append(f'<category term={attr(grade)} scheme="urn:ai-trust-registry:{scheme}"/>')
    if entry.source_url and not url_problem(entry.source_url):
        parts.append(f'<link rel="related" href={attr(entry.source_url)} '
                     f"title={attr(entry.source_title or 'source')}/>")
    page = f"site/offerings/{quote(clean(entry.offering), safe='')}.html"
    if entry.dimension:
        page += "#" + quote(clean(entry.dimension), safe="")
    parts.append(f'<link rel="alternate" type="text/html" href={attr(page)}/>')
    parts.append(f'<content type="text">{x(entry.text)}</content>\n</entry>')
    return "\n".join(parts)


def atom_text(registry: Registry, stamps: Stamps, found: list[Entry]) -> str:
    updated = max((e.updated for e in found), default=f"{stamps.generated}T00:00:00Z")
    feed_id = (f"tag:{registry.meta.tag_entity}:changes" if registry.meta.tag_entity
               else "urn:ai-trust-registry:changes")
    head = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="{ATOM_NS}">
<id>{x(feed_id)}</id>
<title>{x(registry.meta.name)}: additions and corrections</title>
<subtitle>{x(registry.meta.disclaimer)} {x(registry.meta.corrections)}</subtitle>
<updated>{updated}</updated>
<author><name>{x(registry.meta.name)}</name></author>
<rights>{x(registry.meta.license)} {x(registry.meta.license_url)}</rights>
<link rel="self" href="{FEED_FILE}"/>
<link rel="alternate" type="text/html" href="site/index.html"/>
"""
    return head + "".join(_entry_xml(e) + "\n" for e in found) + "</feed>\n"


def write_atom(registry: Registry, stamps: Stamps, out: Path,
               warn: Callable[[str], None] = lambda message: None) -> None:
    (out / FEED_FILE).write_text(atom_text(registry, stamps, entries(registry, warn)), encoding="utf-8")

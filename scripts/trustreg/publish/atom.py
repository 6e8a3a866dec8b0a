"""Atom 1.0 (RFC 4287) feeds of additions, corrections and drafts verified live, from git history.

dist/changes.atom holds every entry; dist/changes/<id>.atom those of one offering. They read the
same semantic history as CHANGELOG.md (changelog.History over first-parent commits). Content is
plain text (no Markdown). Ids are tag: URIs (RFC 4151) under registry.yaml's tag_entity; without
one, name-based urn:uuid: URNs (RFC 9562, version 5), which claim no domain. An entry's id names
the offering, the cell and how many entries that cell had before it, never a commit hash, so a
rebuild, a rebase or a new clone keeps it. Links are absolute under registry.yaml's base_url
(relative paths without one).
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from .. import gitdata
from ..changelog import DRAFT_NOTE, History, Person, cell_counts, credits, verified_live, visible
from ..model import Registry
from ..rules.tr107_safe_urls import url_problem
from ..semdiff import CellChange, diff_registry
from .stamps import Stamps, iso, utc

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_FILE = "changes.atom"
OFFERING_FEEDS = "changes"  # changes/<id>.atom
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Entry:
    id: str
    updated: str  # RFC 3339, UTC
    title: str
    kind: str  # "addition", "correction" or "verified-live"
    offering: str
    offering_name: str
    dimension: str | None
    old_grade: str | None
    new_grade: str | None
    source_title: str | None
    source_url: str | None
    people: tuple[Person, ...]
    text: str


def clean(text: Any) -> str:
    """Text as the feed holds it: no character XML 1.0 cannot hold, no control or bidi override."""
    return visible(_NOT_XML.sub("", str(text)))


def x(text: Any) -> str:
    """Escape text for XML, cleaned."""
    return escape(clean(text))


def _attr(text: Any) -> str:
    """Text as a quoted XML attribute value, quotes included, cleaned."""
    return quoteattr(clean(text))


def _segment(text: Any) -> str:
    """Text from history as one segment of a link or an id: cleaned and percent-encoded."""
    return quote(clean(text), safe="")


def atom_id(registry: Registry, specific: str) -> str:
    """A stable id: tag:<tag_entity>:<specific>, else a version 5 UUID of the registry (its
    base_url, else its name) and specific."""
    if registry.meta.tag_entity:
        return f"tag:{registry.meta.tag_entity}:{specific}"
    name = f"{registry.meta.base_url or registry.meta.name}\n{specific}"
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def href(registry: Registry, path: str, up: str = "") -> str:
    """A link to a dist/ path: absolute under base_url, else relative (up: the way to dist/)."""
    base = registry.meta.base_url
    return f"{base.rstrip('/')}/{path}" if base else f"{up}{path}"


def _primary(change: CellChange) -> dict[str, Any] | None:
    fresh = change.fresh_primary_sources or [s for s in change.new.get("sources") or ()
                                             if isinstance(s, dict) and s.get("role") == "primary"]
    return fresh[0] if fresh else None


class _Writer:
    """Turns the changes of one commit into entries, numbering each cell's entries."""

    def __init__(self, registry: Registry, history: History) -> None:
        self.registry, self.history = registry, history
        self.seen: Counter[tuple[str, str]] = Counter()

    def grade(self, status: Any) -> str:
        return self.registry.vocabulary.grade_label(status) if isinstance(status, str) else "none"

    def entry_id(self, offering: str, part: str) -> str:
        self.seen[offering, part] += 1
        return atom_id(self.registry,
                       f"change/{_segment(offering)}/{_segment(part)}/{self.seen[offering, part]}")

    def addition(self, updated: str, ident: str, data: dict[str, Any],
                 people: tuple[Person, ...]) -> Entry:
        cells = {k: c for k, c in (data.get("cells") or {}).items() if isinstance(c, dict)}
        name = str(data.get("name", ident))
        grades = [f"{self.history.label(k)}: {self.grade(c.get('status'))}"
                  + (" (draft)" if c.get("draft") else "") for k, c in cells.items()]
        text = f"Added {name} ({ident}): {cell_counts(cells)}.\n" + "\n".join(grades)
        return Entry(self.entry_id(ident, "offering"), updated, f"Added: {name}", "addition", ident,
                     name, None, None, None, None, None, people, text)

    def change(self, updated: str, name: str, change: CellChange,
               people: tuple[Person, ...]) -> Entry:
        old, new = change.old.get("status"), change.new.get("status")
        label = self.history.label(change.dimension)
        grade = (f"{self.grade(old)} → {self.grade(new)}" if old != new
                 else f"{self.grade(new)} (unchanged)")
        source = _primary(change)
        live = verified_live(change)
        if change.is_correction:
            kind, title = "correction", f"Corrected: {name} · {label}: {grade}"
            lines = [f"{name} · {label}: {grade}.", f"Changed: {', '.join(change.fields)}."]
            if live:
                lines.append(f"Verified live on {change.new['verified']}.")
        else:
            kind, title = "verified-live", f"Verified live: {name} · {label}: {self.grade(new)}"
            lines = [f"{name} · {label}: {self.grade(new)}, graded from copies of the cited pages, "
                     f"was verified against the live pages on {change.new['verified']}."]
        if change.new.get("caveat"):
            lines.append(f"Watch-out: {change.new['caveat']}")
        if change.new.get("draft"):
            lines.append(f"Draft: {DRAFT_NOTE}.")
        lines.append(f"Source: {source.get('title')} <{source.get('url')}>" if source
                     else "No primary source.")
        return Entry(self.entry_id(change.offering, change.dimension), updated, title, kind,
                     change.offering, name, change.dimension, old if isinstance(old, str) else None,
                     new if isinstance(new, str) else None,
                     source.get("title") if source else None, source.get("url") if source else None,
                     people, "\n".join(lines))


def entries(registry: Registry, warn: Callable[[str], None] = lambda message: None) -> list[Entry]:
    """Additions, corrections and drafts verified live along first-parent history, newest first."""
    root = registry.root
    if not gitdata.has_commits(root):
        return []
    history = History(root, registry.vocabulary, warn)
    writer = _Writer(registry, history)
    found: list[Entry] = []
    with gitdata.Blobs(root) as blobs:
        for commit in gitdata.first_parent_history(root, blobs, gitdata.first_parents(root, "HEAD")):
            old, new, renames = history.apply(blobs, commit)
            diff = diff_registry(old, new, renames)
            shown = [c for c in diff.cells if c.is_correction or verified_live(c)]
            if not (diff.added or shown):
                continue
            people = tuple(credits(history.people(blobs, commit)))
            moment = utc(commit.committed)
            if moment is None:
                warn(f"warning: commit {commit.sha[:10]} has no readable committer date: its "
                     "changes are left out of changes.atom")
                continue
            updated = iso(moment)
            for ident in diff.added:
                found.append(writer.addition(updated, ident, new[ident], people))
            for change in shown:
                name = str(new[change.offering].get("name", change.offering))
                found.append(writer.change(updated, name, change, people))
    return found[::-1]


def _entry_xml(registry: Registry, entry: Entry, up: str) -> str:
    parts = [f"<entry>\n<id>{x(entry.id)}</id>\n<title>{x(entry.title)}</title>",
             f"<updated>{entry.updated}</updated>"]
    parts += [f"<author><name>{x(p.name)}</name></author>" for p in entry.people
              if p.role != "reporter"] or ["<author><name>unknown</name></author>"]
    parts += [f"<contributor><name>{x(p.name)}</name></contributor>" for p in entry.people
              if p.role == "reporter"]
    parts.append(f"<category term={_attr(entry.kind)} scheme={_attr(atom_id(registry, 'kind'))}/>")
    parts.append(f"<category term={_attr(entry.offering)} label={_attr(entry.offering_name)} "
                 f"scheme={_attr(atom_id(registry, 'offering'))}/>")
    if entry.dimension:
        parts.append(f"<category term={_attr(entry.dimension)} "
                     f"scheme={_attr(atom_id(registry, 'dimension'))}/>")
    for scheme, grade in (("old-grade", entry.old_grade), ("new-grade", entry.new_grade)):
        if grade:  # machine-readable grades beside the title's labels
            parts.append(f"<category term={_attr(grade)} scheme={_attr(atom_id(registry, scheme))}/>")
    if entry.source_url and not url_problem(entry.source_url):
        parts.append(f"<link rel=\"related\" href={_attr(entry.source_url)} "
                     f"title={_attr(entry.source_title or 'source')}/>")
    page = f"site/offerings/{_segment(entry.offering)}.html" + (
        f"#{_segment(entry.dimension)}" if entry.dimension else "")
    parts.append(f'<link rel="alternate" type="text/html" href={_attr(href(registry, page, up))}/>')
    parts.append(f'<content type="text">{x(entry.text)}</content>\n</entry>')
    return "\n".join(parts)


def atom_text(registry: Registry, stamps: Stamps, found: list[Entry], offering: str | None = None) -> str:
    """The feed of every entry, or (offering) of one offering's entries, at changes/<id>.atom."""
    updated = max((e.updated for e in found), default=f"{stamps.generated}T00:00:00Z")
    name = x(registry.meta.name)
    if offering is None:
        path, up, page, feed_id = FEED_FILE, "", "site/index.html", atom_id(registry, "changes")
        title = f"{name}: additions and corrections"
    else:
        path, up = f"{OFFERING_FEEDS}/{offering}.atom", "../"
        page, feed_id = f"site/offerings/{offering}.html", atom_id(registry, f"changes/{offering}")
        title = f"{name}: {x(registry.offerings[offering].name)}"
    head = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="{ATOM_NS}">
<id>{x(feed_id)}</id>
<title>{title}</title>
<subtitle>{x(registry.meta.disclaimer)} {x(registry.meta.corrections)}</subtitle>
<updated>{updated}</updated>
<author><name>{name}</name></author>
<rights>{x(registry.meta.license)} {x(registry.meta.license_url)}</rights>
<link rel="self" href={_attr(href(registry, path, up))}/>
<link rel="alternate" type="text/html" href={_attr(href(registry, page, up))}/>
"""
    return head + "".join(_entry_xml(registry, e, up) + "\n" for e in found) + "</feed>\n"


def write_atom(registry: Registry, stamps: Stamps, out: Path,
               warn: Callable[[str], None] = lambda message: None) -> None:
    """changes.atom and changes/<id>.atom for every offering."""
    found = entries(registry, warn)
    (out / FEED_FILE).write_text(atom_text(registry, stamps, found), encoding="utf-8")
    (out / OFFERING_FEEDS).mkdir(exist_ok=True)
    for ident in registry.offerings:
        mine = [e for e in found if e.offering == ident]
        (out / OFFERING_FEEDS / f"{ident}.atom").write_text(
            atom_text(registry, stamps, mine, ident), encoding="utf-8")

"""Watch cited pages for drift: every primary source fetched, its quote sought, its text fingerprinted.

Alerts are grouped by what a human must do. Fingerprints live in the repository
(`watch/fingerprints.txt`, one sorted line per URL) so a change of a page shows in review.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic
from .extract import Extracted, ExtractError, extract
from .fetch import Fetcher, Page
from .findings import Finding, FindingError
from .loader import Document
from .model import Offering, Organisation, Registry
from .quotes import find_quote, shown
from .rules.tr106_source_domain import primary_host
from .urls import host as url_host
from .workspace import relative

STORE = "watch/fingerprints.txt"
STORE_HEADER = ("# Fingerprints of cited pages' readable text, written by `trustreg watch --record`.\n"
                "# One line per URL, sorted: sha256 of the text (whitespace folded), date recorded, URL.\n")
_BLANKS = re.compile(r"\s+")
_LINE = re.compile(r"([0-9a-f]{64}) ([0-9]{4}-[0-9]{2}-[0-9]{2}) (https://\S+)")

# action -> heading; the report's order is the order a human should work in
ACTIONS = {
    "quote_missing": "Quote missing",
    "excerpt_gone": "Excerpt no longer on the page",
    "changed": "Changed since last reviewed",
    "moved": "Moved off the graded party's domains",
    "gone": "Gone (4xx/5xx)",
    "unreachable": "Unreachable",
}


@dataclass(frozen=True)
class Target:
    """One primary source of one cell."""

    offering: str
    dimension: str
    url: str
    quote: str | None
    party: Organisation
    draft: bool = False  # the cell is a draft (graded from copies)
    kind: str | None = None  # the source's kind: an independent party is primary for some kinds only

    @property
    def cell(self) -> str:
        return f"{self.offering} {self.dimension}"


@dataclass(frozen=True)
class DraftQuote:
    """Whether a draft's quote is on the live page: what a maintainer looks at before
    `trustreg review --reverify`."""

    cell: str
    url: str
    found: bool | None  # None: the page could not be read, or the source has no quote
    detail: str


@dataclass(frozen=True)
class Alert:
    action: str
    url: str
    detail: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Record:
    sha256: str
    date: str


@dataclass
class Report:
    date: str
    sources: int
    pages: int
    alerts: list[Alert] = field(default_factory=list)
    recorded: bool = False  # the changes reported were stored as the new fingerprints
    drafts: list[DraftQuote] = field(default_factory=list)

    @property
    def open_alerts(self) -> list[Alert]:
        """What still needs a human: a change recorded by this run does not."""
        return [a for a in self.alerts if not (self.recorded and a.action == "changed")]

    @property
    def needs_human(self) -> bool:
        return bool(self.open_alerts)

    def grouped(self) -> dict[str, list[Alert]]:
        return {a: [x for x in self.alerts if x.action == a] for a in ACTIONS}


def targets(registry: Registry, ids: Iterable[str] | None = None) -> list[Target]:
    """Every primary source with a URL, of the given offerings (default: all)."""
    chosen: Iterable[Offering] = (registry.offerings[i] for i in ids) if ids else \
        registry.offerings.values()
    found = []
    for offering in chosen:
        for dim_id, cell in offering.cells.items():
            for item in (cell, *cell.variants):
                for source in item.sources:
                    if source.is_primary and source.url:
                        found.append(Target(offering.id, dim_id, source.url, source.quote,
                                            offering.graded_party(cell), cell.is_draft, source.kind))
    return found


def fingerprint(text: str) -> str:
    """SHA-256 of the text with white space folded to single spaces, folded a slice at a time
    (a regex over the whole text would hold an object per word)."""
    digest = hashlib.sha256()
    started = blank = False  # a word was hashed; blanks came after the last one
    for at in range(0, len(text), 1 << 16):
        piece = _BLANKS.sub(" ", text[at:at + (1 << 16)])
        words = piece.strip(" ")
        if words:
            if started and (blank or piece.startswith(" ")):
                digest.update(b" ")
            digest.update(words.encode("utf-8"))
            started = True
            blank = piece.endswith(" ")
        elif piece:
            blank = True
    return digest.hexdigest()


def read_page(page: Page) -> Extracted | str:
    """The page's title and text, or why there is none (as an alert detail)."""
    if page.error:
        return page.error
    if not page.ok:
        return f"HTTP {page.status}"
    try:
        return extract(page.body, page.content_type, page.timeout)
    except ExtractError as exc:
        return str(exc)


def store_path(root: Path) -> Path:
    """Where the fingerprints are kept; FindingError (TR302) when a link would take reading or
    writing them elsewhere (watch/ or the file a symbolic link)."""
    path = root / STORE
    if path.is_symlink() or relative(root, path) != STORE:
        raise FindingError(Finding(STORE, 1, 1, "TR302", f"{STORE} is a symbolic link or in a "
                                   "linked folder, which leads out of the checkout",
                                   "make watch/ a plain folder of the checkout, holding a plain file"))
    return path


def load_store(root: Path) -> dict[str, Record]:
    """The recorded fingerprints; a malformed line raises FindingError (TR302)."""
    from .loader import read_text

    path = store_path(root)
    if not path.exists():
        return {}
    records: dict[str, Record] = {}
    for number, line in enumerate(read_text(path, STORE).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        if not match or match.group(3) in records:
            raise FindingError(Finding(STORE, number, 1, "TR302",
                                       "not a fingerprint line" if not match else "URL repeated",
                                       "write `SHA256 YYYY-MM-DD URL` once per URL, or delete the "
                                       "line and run `trustreg watch --record`"))
        records[match.group(3)] = Record(match.group(1), match.group(2))
    return records


def store_text(records: dict[str, Record]) -> str:
    return STORE_HEADER + "".join(f"{r.sha256} {r.date} {url}\n" for url, r in sorted(records.items()))


def _classify(target: Target, page: Page, read: Extracted | str, recorded: Record | None,
              registry: Registry) -> tuple[str, str] | None:
    """(action, detail) for one source, or None when it needs nobody."""
    off = [h for h in page.hops if not primary_host(url_host(h) or "", target.party, target.dimension,
                                                    target.kind, registry.vocabulary,
                                                    registry.organisations)]
    if off:
        return "moved", f"redirects to {off[0]}, not a domain of {target.party.id}"
    if isinstance(read, str):
        return ("gone" if page.status and not page.error and page.status >= 400 else "unreachable"), read
    if target.quote:
        match = find_quote(target.quote, read.text, locate=False)
        if not match.found:
            return "quote_missing", match.reason
    if recorded and recorded.sha256 != fingerprint(read.text):
        return "changed", f"the text differs from the fingerprint recorded {recorded.date}"
    return None


def watch(registry: Registry, fetcher: Fetcher, today: str, ids: Iterable[str] | None = None,
          record: bool = False) -> Report:
    """Fetch every target's page once, classify each source; with record, store the fingerprints."""
    found = targets(registry, ids)
    store = load_store(registry.root)
    pages = fetcher.fetch_all(t.url for t in found)
    reads = {url: read_page(page) for url, page in pages.items()}
    merged: dict[tuple[str, str, str], list[str]] = {}
    for target in found:
        verdict = _classify(target, pages[target.url], reads[target.url], store.get(target.url),
                            registry)
        if verdict:
            merged.setdefault((verdict[0], target.url, verdict[1]), []).append(target.cell)
    for (url, detail), cells in excerpt_alerts(registry.root, found, reads).items():
        merged.setdefault(("excerpt_gone", url, detail), []).extend(cells)
    alerts = [Alert(action, url, detail, tuple(dict.fromkeys(cells)))
              for (action, url, detail), cells in merged.items()]
    alerts.sort(key=lambda a: (list(ACTIONS).index(a.action), a.url, a.cells))
    if record:
        if not ids:  # a full run forgets pages no longer cited
            store = {u: r for u, r in store.items() if u in pages}
        for url, read in reads.items():
            if isinstance(read, Extracted):
                sha = fingerprint(read.text)
                if url not in store or store[url].sha256 != sha:
                    store[url] = Record(sha, today)
        atomic.write_text(store_path(registry.root), store_text(store), root=registry.root)
    return Report(today, len(found), len(pages), alerts, record,
                  [draft_quote(t, reads[t.url]) for t in found if t.draft])


def draft_quote(target: Target, read: Extracted | str) -> DraftQuote:
    if isinstance(read, str):
        return DraftQuote(target.cell, target.url, None, f"the page could not be read: {read}")
    if not target.quote:
        return DraftQuote(target.cell, target.url, None, "no quote to look for")
    match = find_quote(target.quote, read.text)
    if match.found:
        return DraftQuote(target.cell, target.url, True, "the quote is on the live page")
    return DraftQuote(target.cell, target.url, False, match.reason)


def excerpt_alerts(root: Path, found: list[Target],
                   reads: dict[str, Extracted | str]) -> dict[tuple[str, str], list[str]]:
    """(url, detail) -> cells, for each passage of a page's excerpt no longer on the live page
    (the difference a maintainer must look at before trusting the excerpt's quotes)."""
    from .excerpts import load_excerpts
    from .urls import page_key

    excerpts = load_excerpts(root)
    alerts: dict[tuple[str, str], list[str]] = {}
    for target in found:
        excerpt = excerpts.get(page_key(target.url))
        read = reads[target.url]
        if excerpt is None or isinstance(read, str) or not target.quote:  # quoted sources rely on it
            continue
        for number, passage in enumerate(excerpt.passages, start=1):
            if not find_quote(passage, read.text, locate=False).found:
                detail = (f"passage {number} of {excerpt.path} ({excerpt.read_as()}) is no longer "
                          f"on the page: “{_clip(passage)}”")
                alerts.setdefault((target.url, detail), []).append(target.cell)
    return alerts


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _verdict(report: Report) -> str:
    verdict = f"{len(report.open_alerts)} need a human" if report.needs_human else "all fine"
    return verdict + ("; fingerprints recorded" if report.recorded else "")


def render_text(report: Report) -> str:
    lines = []
    for action, alerts in report.grouped().items():
        if alerts:
            lines.append(f"{ACTIONS[action]} ({len(alerts)})")
            lines += [f"  {shown(a.url)} [{', '.join(a.cells)}]: {shown(a.detail)}" for a in alerts]
    if report.drafts:
        lines.append(f"Drafts: quotes on the live pages ({len(report.drafts)} sources; {DRAFT_NOTE})")
        lines += [f"  {shown(d.url)} [{d.cell}]: {shown(d.detail)}" for d in report.drafts]
        ready = ready_drafts(report)
        if ready:
            lines.append("  every quote found, ready to verify live once you have looked: "
                         + ", ".join(ready))
    lines.append(f"{report.sources} primary sources on {report.pages} pages: {_verdict(report)}")
    return "\n".join(lines) + "\n"


DRAFT_NOTE = "graded from copies of the cited pages; not yet verified live"


def ready_drafts(report: Report) -> list[str]:
    """The draft cells whose every quote is on its live page, and every page read."""
    cells = dict.fromkeys(d.cell for d in report.drafts)
    return [c for c in cells if all(d.found is not False and "could not be read" not in d.detail
                                    for d in report.drafts if d.cell == c)]


def render_json(report: Report) -> str:
    return json.dumps({
        "date": report.date, "sources": report.sources, "pages": report.pages,
        "needs_human": report.needs_human,
        "alerts": {action: [{"url": a.url, "cells": list(a.cells), "detail": a.detail}
                            for a in alerts] for action, alerts in report.grouped().items()},
        "drafts": [{"cell": d.cell, "url": d.url, "quote_found": d.found, "detail": d.detail}
                   for d in report.drafts],
        "ready_to_verify": ready_drafts(report),
    }, indent=2, ensure_ascii=False) + "\n"


MARKER = "<!-- trustreg-watch -->"
_BACKTICKS = re.compile(r"`+")


def _md(text: str) -> str:
    """Page-derived text made inert in Markdown: a code span, in which GitHub makes no link,
    autolink (https://, www., e-mail), mention, issue or commit reference, HTML or emphasis."""
    text = " ".join(text.split())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _autolink(url: str) -> str:
    return f"<{url}>" if re.fullmatch(r"https://[^\s<>`\\]+", url) else _md(url)


def render_markdown(report: Report) -> str:
    """An issue body: one checklist per action, the cells citing each page."""
    lines = [MARKER, f"## Source watch {report.date}: {_verdict(report)}", "",
             f"{report.sources} primary sources on {report.pages} pages checked by `trustreg watch`. "
             "Answer each item with `trustreg review OFFERING DIMENSION --dismiss|--confirm|--reverify "
             "NOTE --alert ...`, then `trustreg watch OFFERING --record`.", ""]
    for action, alerts in report.grouped().items():
        if alerts:
            lines += [f"### {ACTIONS[action]} ({len(alerts)})", ""]
            lines += [f"- [ ] {_autolink(a.url)} ({', '.join(f'`{c}`' for c in a.cells)}): {_md(a.detail)}"
                      for a in alerts]
            lines.append("")
    if report.drafts:
        lines += [f"### Drafts ({DRAFT_NOTE})", ""]
        lines += [f"- {_autolink(d.url)} (`{d.cell}`): {_md(d.detail)}" for d in report.drafts]
        lines.append("")
    return "\n".join(lines)


RENDER = {"text": render_text, "json": render_json, "markdown": render_markdown}


def quote_findings(docs: Iterable[Document], fetcher: Fetcher) -> list[Finding]:
    """TR301 for `check --quotes`: every quoted source's page fetched, the quote sought on it."""
    from .rules.base import sources
    from .rules.tr107_safe_urls import url_problem

    quoted = [(doc, where, source) for doc in docs for where, source, _dim, _cell in sources(doc)
              if source.get("quote") and source.get("url") and not url_problem(source["url"])]
    pages = fetcher.fetch_all(source["url"] for _doc, _where, source in quoted)
    reads = {url: read_page(page) for url, page in pages.items()}
    found = []
    for doc, where, source in quoted:
        read = reads[source["url"]]
        if isinstance(read, str):
            found.append(doc.finding((*where, "quote"), "TR301",
                                     f"could not check the quote: {source['url']} gave no page ({read})",
                                     "check the URL, or try again later"))
            continue
        match = find_quote(source["quote"], read.text)
        if not match.found:
            found.append(doc.finding((*where, "quote"), "TR301",
                                     f"quote not found on {source['url']}: {match.reason}",
                                     "copy the words exactly from the page; mark left-out words "
                                     "with [...]"))
    return found

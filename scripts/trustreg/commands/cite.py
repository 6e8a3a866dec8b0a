"""Cite a page in a cell: fetch it, check the quote is on it, and add it as a source.

    trustreg cite cohere-api soc2_type2 https://trustcenter.cohere.com \\
        --quote "Cohere undergoes an annual SOC 2 Type II audit" --archive

The source gets the page's title, `retrieved: today` and the role the page may have: primary
when its host (and every redirect's) is the graded party's, or an independent party's that
schema/vocabulary.yaml lists for this dimension and kind of page, lead otherwise;
the cell's `verified` becomes today too (it was just checked against this page). A draft stays
a draft (a source it read in a copy is now read live; `trustreg review --reverify` verifies
the cell). Without --quote, a source already citing the page keeps its quote, checked again.

The page's excerpt, excerpts/<host>/<slug>.yaml, is written from the live text: `retrieved:
today`, the SHA-256 of the readable text and passages around every quote any primary source
of the registry takes from the page, so `trustreg check` verifies those quotes offline.
--archive asks the Wayback Machine's Save Page Now for a copy and records it in `archived`.
Nothing is written unless the page answered and the quote was found. Uses the network.
Exit status: 0 cited, 1 the page or the quote failed (the message says why), 2 usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING

from .network import add_network_arguments

if TYPE_CHECKING:
    from pathlib import Path

    from ..fetch import Fetcher
    from ..model import Cell, Organisation, Registry

ARCHIVE = "https://web.archive.org/save/"
_SNAPSHOT = re.compile(r"https://web\.archive\.org/web/[0-9]{8,14}[a-z_]*/\S+")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the example's lines
    parser.add_argument("offering", help="offering id, e.g. cohere-api")
    parser.add_argument("dimension", help="dimension id, e.g. soc2_type2")
    parser.add_argument("url", help="https URL of the page")
    parser.add_argument("--quote", metavar="TEXT",
                        help="exact words from the page that support the grade ([...] marks an elision)")
    parser.add_argument("--title", metavar="TEXT", help="title to record (default: the page's own)")
    parser.add_argument("--kind", metavar="KIND",
                        help="what the page is, one of schema/vocabulary.yaml's source kinds "
                             "(default: trust_center on the party's trust center, authority_list "
                             "on an independent party's site, documentation otherwise)")
    parser.add_argument("--archive", action="store_true",
                        help="save a copy with the Wayback Machine and record it in `archived`")
    add_network_arguments(parser)


def _fail(message: str) -> int:
    print(f"trustreg cite: {message}", file=sys.stderr)
    return 1


def _archive(client: Fetcher, url: str) -> str | None:
    """The snapshot URL Save Page Now answers with, or None."""
    from urllib.parse import urljoin

    page = client.fetch(ARCHIVE + url)
    if page.error or page.status is None or page.status >= 400:
        return None
    for candidate in (page.final_url, urljoin("https://web.archive.org/",
                                              page.headers.get("content-location", ""))):
        if _SNAPSHOT.fullmatch(candidate):
            return candidate
    return None


def _title(given: str | None, page: str) -> str | None:
    """The title to record: --title as given (`check` judges it), or the page's own with control
    and bidirectional-override characters dropped; None when the page's holds markup."""
    from ..loader import FORBIDDEN_CHARS
    from ..rules.tr115_plain_text import markup

    if given is not None:
        return " ".join(given.split())[:200]
    title = " ".join(FORBIDDEN_CHARS.sub("", page).split())[:200]
    return None if markup(title) else title


def _cited_quote(cell: Cell, url: str) -> str | None:
    """The quote of the cell's primary source already citing the page, if any."""
    from ..urls import page_key

    return next((s.quote for s in cell.primary_sources
                 if s.url and s.quote and page_key(s.url) == page_key(url)), None)


def page_excerpt(registry: Registry, url: str, quote: str | None, text: str,
                 today: str) -> tuple[str, str, list[str]] | None:
    """(path, text, parts not on the page) of the page's excerpt as read now: passages around
    every quote of a primary source citing the page (and the new quote); None when none quotes it."""
    from ..excerpt_write import excerpt_text, passages_around
    from ..excerpts import excerpt_path
    from ..quotes import parts
    from ..urls import page_key
    from ..watch import fingerprint

    quotes = [quote] if quote else []
    for offering in registry.offerings.values():
        for cell in offering.cells.values():
            for item in (cell, *cell.variants):
                quotes += [s.quote for s in item.sources if s.is_primary and s.quote and s.url
                           and page_key(s.url) == page_key(url)]
    wanted = list(dict.fromkeys(p for q in quotes for p in parts(q)))
    path = excerpt_path(url)
    if not wanted or path is None:
        return None
    passages, missing = passages_around(text, wanted)
    if not passages:
        return None
    return path, excerpt_text(url, today, fingerprint(text), passages), missing


def _write_excerpt(root: Path, path: str, text: str, missing: list[str]) -> None:
    from .. import atomic

    (root / path).parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(root / path, text)
    print(f"wrote {path} (read live today)")
    for part in missing:
        print(f"warning: “{part}” is quoted from the page but is not on it now (or longer than a "
              "passage); `trustreg check` reports the source (TR135)")


def _kind(host: str, party: Organisation, registry: Registry) -> str:
    """The source kind a page most likely is, from its host (--kind overrides it)."""
    from ..fetch import host_of

    if party.trust_center and host_of(party.trust_center) == host:
        return "trust_center"
    for listed in registry.vocabulary.independent.values():
        org = registry.organisations.get(listed.organisation)
        if org is not None and org.owns_host(host):
            return listed.source_kinds[0]
    return "documentation"


def run(args: argparse.Namespace) -> int:
    from ..checker import today
    from ..cli import UsageError
    from ..edit import EditError, edit_cell
    from ..extract import Extracted
    from ..fetch import host_of
    from ..quotes import find_quote
    from ..rules.tr106_source_domain import primary_host
    from ..rules.tr107_safe_urls import url_problem
    from ..urls import host as url_host
    from ..urls import page_key
    from ..watch import read_page
    from .lookup import offering_or_usage_error, registry_for
    from .network import fetcher

    problem = url_problem(args.url)
    if problem:
        raise UsageError(f"URL {args.url!r} {problem}; cite a plain https:// link")
    if args.quote is not None and not 0 < len(args.quote.strip()) <= 2000:
        raise UsageError("--quote must be 1 to 2000 characters")
    registry = registry_for(args)
    offering = offering_or_usage_error(registry, args.offering)
    if args.dimension not in offering.cells:
        raise UsageError(f"{offering.id} has no cell {args.dimension!r}; "
                         f"cells: {', '.join(offering.cells)}")
    party = offering.graded_party(offering.cells[args.dimension])
    kinds = registry.vocabulary.source_kinds
    if args.kind is not None and args.kind not in kinds:
        raise UsageError(f"--kind {args.kind!r} is not a source kind; one of: {', '.join(kinds)}")
    quote = args.quote or _cited_quote(offering.cells[args.dimension], args.url)
    with fetcher(args) as client:
        page = client.fetch(args.url)
        read = read_page(page)
        if not isinstance(read, Extracted):
            return _fail(f"{args.url}: {read}; nothing written")
        if quote:
            match = find_quote(quote, read.text)
            if not match.found:
                return _fail(f"{args.url}: {match.reason}; nothing written (copy the words exactly "
                             "from the page; mark left-out words with [...])")
            print(f"quote {match.describe()}")
        archived = _archive(client, args.url) if args.archive else None
        if args.archive and not archived:
            return _fail(f"the Wayback Machine gave no snapshot of {args.url}; nothing written "
                         "(try again later, or cite without --archive)")
    hosts = [url_host(u) or "" for u in (args.url, *page.hops)]  # as browsers read them
    kind = args.kind or _kind(host_of(args.url), party, registry)
    primary = kinds[kind]["primary"] and all(
        primary_host(h, party, args.dimension, kind, registry.vocabulary, registry.organisations)
        for h in hosts)
    title = _title(args.title, read.title or host_of(args.url))
    if title is None:
        return _fail(f"the page's title {read.title!r} is not plain text (TR115); nothing written "
                     "(give a plain --title)")
    source = {"url": args.url, "title": title, "kind": kind, "role": "primary" if primary else "lead",
              "retrieved": today().isoformat(),
              **({"quote": " ".join(args.quote.split())} if args.quote else {}),
              **({"archived": archived} if archived else {})}

    def change(cell: dict) -> None:
        sources = cell.get("sources") if isinstance(cell.get("sources"), list) else []
        same = [s for s in sources if isinstance(s, dict) and isinstance(s.get("url"), str)
                and page_key(s["url"]) == page_key(args.url)]
        if same:  # cited already: refresh it, keep what this run did not set
            same[0].update({k: v for k, v in source.items() if k != "title" or args.title})
            same[0].pop("copy", None)  # read live now
        else:
            sources.append(source)
        cell["sources"] = sources
        if "draft" not in cell:  # a draft is verified live by `trustreg review --reverify`
            cell["verified"] = max(str(cell.get("verified", "")), source["retrieved"])  # TR109

    excerpt = page_excerpt(registry, args.url, source.get("quote") if primary else None, read.text,
                           source["retrieved"])
    try:
        name = edit_cell(registry.root, offering.id, args.dimension, change)
    except EditError as exc:
        raise UsageError(str(exc)) from None
    if excerpt is not None:
        _write_excerpt(registry.root, *excerpt)
    why = (f"its host is {party.id}'s or an independent party's within its remit" if primary else
           f"a {kind} page is a lead" if not kinds[kind]["primary"] else
           f"{', '.join(sorted(set(hosts)))} is not a domain of {party.id} or of an independent "
           f"party listed for {args.dimension} and {kind} pages")
    print(f"{name}: {args.dimension}: cited {args.url} as {source['role']} ({why})"
          + (f"; archived at {archived}" if archived else ""))
    return 0

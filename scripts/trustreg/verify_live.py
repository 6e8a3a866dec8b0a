"""Turn a draft into a cell verified against the live pages (`trustreg review --reverify`).

A draft was graded from copies. Verifying it live means a person read the live pages today:
the cell gets `verified: today` instead of `draft`, and each primary source read in a copy gets
`retrieved: today` instead of `copy`. Each quoted primary source must already have a live
reading of its page on record (an excerpt read live, by `trustreg cite`), holding its quote:
otherwise the cell would claim a live check that nothing backs, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import loader
from .excerpts import Excerpt, excerpt_from_data, excerpt_path
from .findings import FindingError
from .jsonschemas.validation import SchemaSet
from .quotes import parts


class CannotVerify(Exception):
    """Why a draft cannot be turned into a verified cell (one line)."""


def _items(cell: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield cell
    yield from (v for v in cell.get("variants") or () if isinstance(v, dict))


def primary_sources(cell: dict[str, Any]) -> list[dict[str, Any]]:
    """The primary sources of a cell and of its variants."""
    return [s for item in _items(cell) for s in item.get("sources") or ()
            if isinstance(s, dict) and s.get("role") == "primary"]


def live_excerpt(root: Path, url: str) -> Excerpt:
    """The excerpt of a page, read live; CannotVerify when there is none or it is not valid."""
    rel = excerpt_path(url)
    if rel is None or not (root / rel).is_file():
        raise CannotVerify(f"no excerpt of {url} read live: read the page with `trustreg cite` "
                           "first, so its quote is on record as found on the live page")
    try:
        doc = loader.load(root / rel, rel)
    except FindingError as exc:
        raise CannotVerify(f"{rel} does not load ({exc.finding.message}); fix it first") from None
    if SchemaSet(root, None).findings(doc, "excerpt"):
        raise CannotVerify(f"{rel} is not a valid excerpt; run `trustreg check {rel}`")
    excerpt = excerpt_from_data(rel, doc.data)
    if not excerpt.read_live:
        raise CannotVerify(f"{rel} was {excerpt.read_as()}, not read live: read the page with "
                           "`trustreg cite` first")
    return excerpt


def verify_live(root: Path, cell: dict[str, Any], today: str) -> None:
    """Make a draft cell a cell verified today (in place); CannotVerify says why it cannot."""
    if "draft" not in cell:
        raise CannotVerify("the cell is not a draft")
    for source in primary_sources(cell):
        if source.get("quote") and source.get("url"):
            excerpt = live_excerpt(root, str(source["url"]))
            missing = [p for p in parts(str(source["quote"])) if not excerpt.holds(p)]
            if missing:
                raise CannotVerify(f"the quote from {source['url']} is not in its live excerpt "
                                   f"{excerpt.path} (read {excerpt.retrieved}): the page changed; "
                                   "correct the cell before verifying it")
    for source in primary_sources(cell):
        if "copy" in source:
            del source["copy"]
            source["retrieved"] = today
    del cell["draft"]
    cell["verified"] = today

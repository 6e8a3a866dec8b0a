"""TR108: dates are real calendar dates (the schema step) and not in the future."""

from collections.abc import Iterator
from datetime import date

from ..loader import Document, PathKey
from .base import At, Context, cells, rule


def parsed(value: str) -> date | None:
    """A YYYY-MM-DD date, or None for any string that is not one (never raises)."""
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def cell_dates(dim_id: str, cell: dict) -> Iterator[tuple[PathKey, str]]:
    if "verified" in cell:
        yield ("cells", dim_id, "verified"), cell["verified"]
    if isinstance(cell.get("draft"), dict):
        yield ("cells", dim_id, "draft", "date"), cell["draft"]["date"]
    items = [(("cells", dim_id), cell)]
    items += [(("cells", dim_id, "variants", i), v) for i, v in enumerate(cell.get("variants") or ())]
    for where, item in items:
        for i, source in enumerate(item.get("sources") or ()):
            if "retrieved" in source:
                yield (*where, "sources", i, "retrieved"), source["retrieved"]
            if "captured" in (source.get("copy") or {}):
                yield (*where, "sources", i, "copy", "captured"), source["copy"]["captured"]
    for i, review in enumerate(cell.get("reviews") or ()):
        yield ("cells", dim_id, "reviews", i, "date"), review["date"]


def excerpt_dates(data: dict) -> Iterator[tuple[PathKey, str]]:
    if "retrieved" in data:
        yield ("retrieved",), data["retrieved"]
    if "captured" in (data.get("copy") or {}):
        yield ("copy", "captured"), data["copy"]["captured"]


def dates(doc: Document, ctx: Context) -> Iterator[tuple[PathKey, str]]:
    """Every date of an offering (verified, draft, retrieved, captured, reviews, date facts)
    or of an excerpt (retrieved, captured)."""
    if "passages" in doc.data:
        yield from excerpt_dates(doc.data)
        return
    for dim_id, cell in cells(doc):
        facts = ctx.vocab.dimensions[dim_id].facts
        yield from cell_dates(dim_id, cell)
        yield from ((("cells", dim_id, "facts", k), v) for k, v in (cell.get("facts") or {}).items()
                    if facts[k]["type"] == "date")


@rule("TR108", "real-dates", "offering",
      "Dates are real calendar dates (YYYY-MM-DD) and not in the future: verified, draft dates, "
      "retrieved, copies' captured dates, reviews, date facts, and excerpts' dates.",
      kinds=("offering", "excerpt"))
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, value in dates(doc, ctx):
        day = parsed(value)
        if day is None:  # the schema refuses it; a loosened one must not crash the rules
            yield At(doc, where, f"date {value!r} is not a real calendar date",
                     "write a real date as YYYY-MM-DD, from 1990 on")
        elif day > ctx.today:
            yield At(doc, where, f"date {value} is in the future (today is {ctx.today})",
                     "use the date the check actually happened")

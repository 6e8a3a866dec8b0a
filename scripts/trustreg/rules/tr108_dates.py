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
    if "verified" in cell:  # a draft has none
        yield ("cells", dim_id, "verified"), cell["verified"]
    items = [(("cells", dim_id), cell)]
    items += [(("cells", dim_id, "variants", i), v) for i, v in enumerate(cell.get("variants") or ())]
    for where, item in items:
        for i, source in enumerate(item.get("sources") or ()):
            if "retrieved" in source:
                yield (*where, "sources", i, "retrieved"), source["retrieved"]
    for i, review in enumerate(cell.get("reviews") or ()):
        yield ("cells", dim_id, "reviews", i, "date"), review["date"]


@rule("TR108", "real-dates", "offering",
      "Dates are real calendar dates (YYYY-MM-DD) and not in the future.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for dim_id, cell in cells(doc):
        facts = ctx.vocab.dimensions[dim_id].facts
        dated = [(("cells", dim_id, "facts", k), v) for k, v in (cell.get("facts") or {}).items()
                 if facts[k]["type"] == "date"]
        for where, value in [*cell_dates(dim_id, cell), *dated]:
            day = parsed(value)
            if day is None:  # the schema refuses it; a loosened one must not crash the rules
                yield At(doc, where, f"date {value!r} is not a real calendar date",
                         "write a real date as YYYY-MM-DD, from 1990 on")
            elif day > ctx.today:
                yield At(doc, where, f"date {value} is in the future (today is {ctx.today})",
                         "use the date the check actually happened")

"""TR108: dates are real calendar dates (the schema step) and not in the future."""

from collections.abc import Iterator
from datetime import date

from ..loader import Document, PathKey
from .base import At, Context, cells, rule


def cell_dates(dim_id: str, cell: dict) -> Iterator[tuple[PathKey, str]]:
    yield ("cells", dim_id, "verified"), cell["verified"]
    for i, source in enumerate(cell.get("sources") or ()):
        if "retrieved" in source:
            yield ("cells", dim_id, "sources", i, "retrieved"), source["retrieved"]
    for i, review in enumerate(cell.get("reviews") or ()):
        yield ("cells", dim_id, "reviews", i, "date"), review["date"]


@rule("TR108", "real-dates", "offering",
      "Dates are real calendar dates (YYYY-MM-DD) and not in the future.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for dim_id, cell in cells(doc):
        for where, value in cell_dates(dim_id, cell):
            if date.fromisoformat(value) > ctx.today:
                yield At(doc, where, f"date {value} is in the future (today is {ctx.today})",
                         "use the date the check actually happened")

"""TR108: dates are real calendar dates (the schema step) and not in the future."""

from collections.abc import Iterator
from datetime import date

from ..loader import Document, PathKey
from .base import At, Context, cells, rule


def cell_dates(dim_id: str, cell: dict) -> Iterator[tuple[PathKey, str]]:
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
            if date.fromisoformat(value) > ctx.today:
                yield At(doc, where, f"date {value} is in the future (today is {ctx.today})",
                         "use the date the check actually happened")

"""TR123: a grade does not contradict its own facts (yes_public with one chapter of the Code)."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, cells, rule


@rule("TR123", "grade-matches-facts", "offering",
      "A fact whose declaration in schema/vocabulary.yaml limits the values a grade allows "
      "(`grades:`) has one of those values when the cell has that grade.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for dim_id, cell in cells(doc):
        declared = ctx.vocab.dimensions[dim_id].facts
        for fact, value in (cell.get("facts") or {}).items():
            allowed = declared[fact].get("grades", {}).get(cell["status"])
            if allowed is None:
                continue
            values = value if isinstance(value, list) else [value]
            if any(str(v) not in allowed for v in values):
                yield At(doc, ("cells", dim_id, "facts", fact),
                         f"{dim_id} is graded {cell['status']} but {fact} is {value}; "
                         f"{cell['status']} needs {fact}: {' or '.join(allowed)}",
                         "grade what the facts show (e.g. partial), or correct the fact")

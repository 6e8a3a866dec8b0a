"""TR104: every watch-out cell says, in one line, what to watch out for."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, cells, rule


@rule("TR104", "caveat-required", "offering",
      "A cell whose status is not yes_public has a one-line caveat.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for dim_id, cell in cells(doc):
        if cell["status"] != "yes_public" and not cell.get("caveat"):
            yield At(doc, ("cells", dim_id, "status"),
                     f"caveat is required when status is {cell['status']}",
                     "add a one-line caveat")

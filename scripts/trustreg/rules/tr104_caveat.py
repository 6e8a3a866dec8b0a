"""TR104: every watch-out cell or variant says, in one line, what to watch out for."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, graded, rule


@rule("TR104", "caveat-required", "offering",
      "A cell or variant whose status is not yes_public has a one-line caveat.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, item, _dim_id, _cell in graded(doc):
        if item["status"] != "yes_public" and not item.get("caveat"):
            yield At(doc, (*where, "status"),
                     f"caveat is required when status is {item['status']}",
                     "add a one-line caveat")

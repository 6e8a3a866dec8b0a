"""TR105: a claim needs a primary source unless nothing could be verified."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, cells, rule

NEEDS_NO_SOURCE = frozenset({"no_public_evidence", "unclear"})


@rule("TR105", "primary-source-required", "offering",
      "A cell graded other than no_public_evidence or unclear cites a primary source.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for dim_id, cell in cells(doc):
        if cell["status"] in NEEDS_NO_SOURCE:
            continue
        if not any(s["role"] == "primary" for s in cell["sources"]):
            yield At(doc, ("cells", dim_id, "sources"),
                     f"{dim_id} is graded {cell['status']} but cites no primary source",
                     "add a source with role: primary, or grade it no_public_evidence")

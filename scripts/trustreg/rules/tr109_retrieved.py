"""TR109: a cell cannot be verified against a source before that source was retrieved."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, rule, sources


@rule("TR109", "retrieved-before-verified", "offering",
      "Every source was retrieved on or before its cell's verified date.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, source, _dim, cell in sources(doc):
        retrieved = source.get("retrieved")
        if retrieved and "verified" in cell and retrieved > cell["verified"]:  # a draft has none
            yield At(doc, (*where, "retrieved"),
                     f"source retrieved {retrieved}, after the cell was verified {cell['verified']}",
                     "set verified to the date you checked the cell against this source")

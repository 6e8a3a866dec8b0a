"""TR130: a draft graded from copies quotes every primary source it cites."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, graded, rule


@rule("TR130", "draft-quotes", "offering",
      "A draft cell (and each of its variants) whose grade needs evidence (the positive grades, "
      "partial and documented_no) has a `quote` on every primary source: the words a maintainer "
      "checks on the live page.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, item, dim_id, cell in graded(doc):
        if "draft" not in cell or ctx.vocab.grades[item["status"]].evidence == "none":
            continue
        for i, source in enumerate(item.get("sources") or ()):
            if source.get("role") == "primary" and not source.get("quote"):
                yield At(doc, (*where, "sources", i),
                         f"{dim_id} is a draft graded {item['status']}, but this primary source "
                         "has no quote",
                         "add `quote:` with the page's exact words that back the grade (at most "
                         "50 words, [...] for an elision) and its excerpt in excerpts/")

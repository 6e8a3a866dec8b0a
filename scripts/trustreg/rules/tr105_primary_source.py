"""TR105: a grade cites what its definition in the vocabulary needs: a primary source, with a quote."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, graded, rule


@rule("TR105", "primary-source-required", "offering",
      "A cell or variant cites what its grade needs (schema/vocabulary.yaml `evidence`): a primary "
      "source for every grade but unclear and no_public_evidence, and a primary source with a "
      "quote for documented_no.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, item, dim_id, _cell in graded(doc):
        grade = ctx.vocab.grades[item["status"]]
        if grade.evidence == "none":
            continue
        primary = [s for s in item["sources"] if s["role"] == "primary"]
        if not primary:
            yield At(doc, (*where, "sources"),
                     f"{dim_id} is graded {grade.id} but cites no primary source",
                     "add the primary source that states it (role: primary, with its kind, url and "
                     "retrieved date)")
        elif grade.evidence == "primary_quote" and not any(s.get("quote") for s in primary):
            yield At(doc, (*where, "sources"),
                     f"{dim_id} is graded {grade.id} but no primary source quotes the words "
                     "that say so",
                     "add the quote: the exact words of the primary source that state the answer")

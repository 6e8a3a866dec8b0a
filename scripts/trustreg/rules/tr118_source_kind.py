"""TR118: a source says what kind of page it is, and only primary kinds are cited as primary."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, rule, sources


@rule("TR118", "primary-source-kind", "offering",
      "A primary source has a kind that schema/vocabulary.yaml marks primary (trust center, "
      "documentation, legal terms, certificate registry, authority list); announcements, blogs, "
      "forums and press are leads.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    primary = ctx.vocab.primary_kinds
    for where, source, _dim_id, _cell in sources(doc):
        if source["role"] != "primary":
            continue
        kind = source.get("kind")
        if kind is None:
            yield At(doc, (*where, "role"), "primary source does not say what kind of page it is",
                     f"add `kind:`, one of: {', '.join(primary)}")
        elif kind not in primary:
            yield At(doc, (*where, "kind"), f"a {kind} page is a lead, not a primary source",
                     f"mark it role: lead, and cite a page of kind {', '.join(primary)}")

"""TR134: an excerpt is quotation: every passage holds words a source quotes from its page."""

from collections.abc import Iterator

from ..excerpts import quoted_parts
from ..findings import Finding
from ..loader import Document
from ..quotes import find_quote
from .base import Context, rule
from .pages import excerpts, quoted_sources


@rule("TR134", "excerpt-quotation", "registry",
      "Every passage of an excerpt holds at least one part (split at [...]) of a quote of a "
      "primary source citing that page; an excerpt no primary source quotes is refused.",
      kinds=("offering",))
def check(docs: list[Document], ctx: Context) -> Iterator[Finding]:
    quotes: dict[str, list[str]] = {}
    for quoted in quoted_sources(docs):
        quotes.setdefault(quoted.page, []).append(quoted.source["quote"])
    # files with cells left out for schema errors: their quotes are unknown until fixed
    partial = [d.text for d in docs if set(ctx.vocab.dimensions) - set(d.data["cells"])]
    for doc, excerpt in excerpts(ctx):
        parts = quoted_parts(quotes.get(excerpt.page, ()))
        if any(excerpt.url in text for text in partial):  # checked again once the file is fixed
            continue
        if not parts:
            yield doc.finding(("url",), "TR134",
                              f"no primary source quotes {excerpt.url}: the excerpt backs nothing",
                              "delete the excerpt, or quote the page in the source that cites it")
            continue
        for i, passage in enumerate(excerpt.passages):
            if not any(find_quote(part, passage, locate=False).found for part in parts):
                yield doc.finding(("passages", i), "TR134",
                                  "not a quotation of a cited quote: remove the passage",
                                  "an excerpt keeps only the page's text around quoted words")

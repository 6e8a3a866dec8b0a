"""TR125: a cell (or a variant) cites each page once, however its URL is spelled."""

from collections.abc import Iterator

from ..loader import Document
from ..urls import page_key
from .base import At, Context, graded, rule


@rule("TR125", "one-source-per-page", "offering",
      "A cell's headline, and each of its variants, cites a page once: two sources whose URLs name "
      "the same page (urls.page_key: another case, port, dot segment, query, fragment or trailing "
      "slash) are one source.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, item, dim_id, _cell in graded(doc):
        first: dict[str, int] = {}
        for i, source in enumerate(item.get("sources") or ()):
            url = source.get("url")
            if not isinstance(url, str):
                continue
            page = page_key(url)
            if page in first:
                yield At(doc, (*where, "sources", i, "url"),
                         f"{dim_id}: source {i + 1} cites the page source {first[page] + 1} cites "
                         f"({item['sources'][first[page]]['url']})",
                         "keep one source per page: merge their quotes and titles into one")
            else:
                first[page] = i

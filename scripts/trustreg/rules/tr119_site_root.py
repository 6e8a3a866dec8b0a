"""TR119: a site's home page proves nothing by itself: a positive grade needs its words."""

from collections.abc import Iterator

from ..loader import Document
from ..urls import host, is_site_root, url_problem
from .base import At, Context, graded, rule


@rule("TR119", "site-root-needs-quote", "offering",
      "A primary source that is a site's home page (its root, however the URL spells it: "
      "urls.page_key) backs a positive grade only with a quote that pins the claim; a trust "
      "center's home page, where its listings live, is exempt.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, item, dim_id, _cell in graded(doc):
        if not ctx.vocab.grades[item["status"]].positive:
            continue
        for i, source in enumerate(item["sources"]):
            url = source.get("url")
            if (source["role"] != "primary" or not url or url_problem(url) or source.get("quote")
                    or source.get("kind") not in ctx.vocab.primary_kinds  # TR118's finding
                    or source["kind"] == "trust_center" or not is_site_root(url)):
                continue
            yield At(doc, (*where, "sources", i, "url"),
                     f"{dim_id} is graded {item['status']} on a site's home page "
                     f"({host(url)}) without a quote",
                     "cite the page that states it, or add `quote:` with the exact words that do")

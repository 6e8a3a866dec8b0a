"""TR119: a site's home page proves nothing by itself: a grade that cites it needs its words."""

from collections.abc import Iterator

from ..loader import Document
from ..pages import is_home_page, is_under
from ..urls import host
from .base import At, Context, graded, rule
from .tr107_safe_urls import url_problem


@rule("TR119", "site-root-needs-quote", "offering",
      "A primary source that is a site's home page (its root, or a locale's root such as /en-us/) "
      "backs a grade (partial included) only with a quote that states the claim; the graded party's "
      "declared trust center, where its listings live, is exempt.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, item, dim_id, _cell in graded(doc):
        if ctx.vocab.grades[item["status"]].evidence == "none":
            continue
        party = ctx.organisations.get(doc.data[ctx.vocab.dimensions[dim_id].graded_party])
        trust_center = party.trust_center if party else None
        for i, source in enumerate(item["sources"]):
            url = source.get("url")
            if (source["role"] != "primary" or not url or url_problem(url) or source.get("quote")
                    or source.get("kind") not in ctx.vocab.primary_kinds  # TR118's finding
                    or not is_home_page(url)
                    or (source["kind"] == "trust_center" and trust_center
                        and is_under(url, trust_center))):
                continue
            yield At(doc, (*where, "sources", i, "url"),
                     f"{dim_id} is graded {item['status']} on a site's home page "
                     f"({host(url)}) without a quote",
                     "cite the page that states it, or add `quote:` with the exact words that do")

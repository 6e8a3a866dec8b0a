"""TR107: links are plain https, with no credentials and no script or data schemes."""

from collections.abc import Iterator

from ..loader import Document, PathKey
from ..urls import url_problem
from .base import At, Context, rule, sources

__all__ = ["check", "url_problem"]  # url_problem: where the site and changelog import it from


def _checked(doc: Document, where: PathKey, url: str) -> Iterator[At]:
    problem = url_problem(url)
    if problem:
        yield At(doc, where, f"URL {url!r} {problem}",
                 "use a plain https:// link to the page on its domain name, without user name or password")


@rule("TR107", "safe-urls", "offering",
      "Source and archive URLs are https, carry no credentials, no javascript:/data: scheme and "
      "name a valid domain name as host (read as browsers read URLs).",
      kinds=("offering", "organisation"))
def check(doc: Document, ctx: Context) -> Iterator[At]:
    if "cells" not in doc.data:  # an organisation
        if "trust_center" in doc.data:
            yield from _checked(doc, ("trust_center",), doc.data["trust_center"])
        return
    for where, source, _dim, _cell in sources(doc):
        for key in ("url", "archived"):
            if key in source:
                yield from _checked(doc, (*where, key), source[key])

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


# organisations and registry.yaml
URL_KEYS = ("trust_center", "license_url", "repository", "correction_form", "base_url")


@rule("TR107", "safe-urls", "offering",
      "Every URL (sources, their copies, archives, trust centers, the licence) is https, with no "
      "credentials, no javascript:/data: scheme, and a valid domain name as host (read as "
      "browsers read URLs).",
      kinds=("offering", "organisation", "registry"))
def check(doc: Document, ctx: Context) -> Iterator[At]:
    if "cells" not in doc.data:  # an organisation or registry.yaml
        for key in URL_KEYS:
            if isinstance(doc.data.get(key), str):
                yield from _checked(doc, (key,), doc.data[key])
        return
    for where, source, _dim, _cell in sources(doc):
        for key in ("url", "archived"):
            if key in source:
                yield from _checked(doc, (*where, key), source[key])
        if isinstance(source.get("copy"), dict) and "url" in source["copy"]:  # the copy's address
            yield from _checked(doc, (*where, "copy", "url"), source["copy"]["url"])

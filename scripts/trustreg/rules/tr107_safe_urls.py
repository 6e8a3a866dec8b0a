"""TR107: links are plain https, with no credentials and no script or data schemes."""

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..loader import Document, PathKey
from .base import At, Context, rule, sources

_SPACE = re.compile(r"\s")


def url_problem(url: str) -> str | None:
    """Why a URL may not be published, or None when it is fine."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "is not a valid URL"
    if parts.scheme.lower() in ("javascript", "data", "vbscript", "file"):
        return f"uses the {parts.scheme.lower()}: scheme"
    if parts.scheme != "https":
        return "is not https"
    if parts.username is not None or parts.password is not None:
        return "carries credentials"
    if not parts.hostname or _SPACE.search(url):
        return "has no valid host"
    return None


def _checked(doc: Document, where: PathKey, url: str) -> Iterator[At]:
    problem = url_problem(url)
    if problem:
        yield At(doc, where, f"URL {url[:80]!r} {problem}",
                 "use a plain https:// link to the page, without user name or password")


URL_KEYS = ("trust_center", "license_url")  # an organisation's and registry.yaml's links


@rule("TR107", "safe-urls", "offering",
      "Every URL (sources, archives, trust centers, the licence) is https, with no credentials "
      "and no javascript:/data: scheme.", kinds=("offering", "organisation", "registry"))
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

"""Which quoted primary sources cite which page, and the excerpts of pages: what the excerpt
rules (TR134-TR137) share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..excerpts import Excerpt, excerpt_from_data, excerpt_path
from ..loader import Document, PathKey
from ..urls import page_key, url_problem
from .base import Context, sources


@dataclass(frozen=True)
class Quoted:
    """A primary source with a quote and a URL, where it stands."""

    doc: Document
    where: PathKey
    source: dict[str, Any]

    @property
    def page(self) -> str:
        return page_key(self.source["url"])


def checked_against(source: dict[str, Any], excerpt: Excerpt) -> bool:
    """Whether a quoted source's quote is checked against its page's excerpt: always for a source
    read in a copy; for one read live, only when the excerpt records a live read too (an excerpt
    of the copy the page's drafts were graded from does not hold the live page's words)."""
    return "copy" in source or excerpt.read_live


def quoted_sources(docs: Iterable[Document]) -> list[Quoted]:
    """The quoted primary sources with a publishable URL (TR107 reports the others)."""
    return [Quoted(doc, where, source) for doc in docs for where, source, _dim, _cell in sources(doc)
            if source.get("role") == "primary" and source.get("quote") and source.get("url")
            and not url_problem(source["url"])]


def excerpts(ctx: Context) -> list[tuple[Document, Excerpt]]:
    """The valid excerpt files, in path order."""
    return [(doc, excerpt_from_data(path, doc.data))
            for path, doc in sorted(ctx.excerpts.items()) if doc is not None]


def by_page(ctx: Context) -> dict[str, tuple[Document, Excerpt]]:
    """The valid excerpts by the page they are of (the first file of a page: TR133 reports
    any other)."""
    found: dict[str, tuple[Document, Excerpt]] = {}
    for doc, excerpt in excerpts(ctx):
        found.setdefault(excerpt.page, (doc, excerpt))
    return found


def excerpt_of(quoted: Quoted, ctx: Context,
               pages: dict[str, tuple[Document, Excerpt]]) -> Excerpt | bool | None:
    """The excerpt of a quoted source's page; False when there is none, None when its file
    exists but has errors (its own findings say which)."""
    if quoted.page in pages:
        return pages[quoted.page][1]
    path = excerpt_path(quoted.source["url"])
    broken = path in ctx.excerpts and ctx.excerpts[path] is None  # a valid file there is another page's
    return None if broken else False

"""Excerpts: short passages of a quoted page's text, kept so quotes are checked offline.

One file per page, `excerpts/<host>/<slug>.yaml`, holding the page's URL, how it was read
(`copy`, or `retrieved` + `sha256` for a live read) and `passages`, each at most
600 characters. A passage is quotation, not page copying: it holds a quoted part
of a source citing the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ada_url import URL

from .model import Copy
from .quotes import find_quote, parts
from .urls import host, page_key, url_problem
from .workspace import EXCERPTS_DIR

_UNSAFE = re.compile(r"[^a-z0-9.-]")


def slug(url: str) -> str:
    """The file-safe name of a URL's path: lower case, every other character than a-z, 0-9,
    `.` and `-` made `-`, trimmed of `-` and `.`; `index` for the root."""
    path = URL(url).pathname.lower()
    return _UNSAFE.sub("-", path).strip("-.") or "index"


def excerpt_path(url: str) -> str | None:
    """Where the excerpt of a page lives (`excerpts/<host>/<slug>.yaml`); None for a URL that
    is not publishable."""
    if url_problem(url):
        return None
    return f"{EXCERPTS_DIR}/{host(url)}/{slug(url)}.yaml"


@dataclass(frozen=True)
class Excerpt:
    """One page's excerpt, as loaded from its file."""

    path: str
    url: str
    passages: tuple[str, ...]
    copy: Copy | None = None
    retrieved: str | None = None  # the live page was read that day
    sha256: str | None = None  # of the page's readable text, when read live

    @property
    def read_live(self) -> bool:
        return self.retrieved is not None

    @property
    def page(self) -> str:
        return page_key(self.url)

    def holds(self, part: str) -> bool:
        """Whether a part of a quote is found in one of the passages."""
        return any(find_quote(part, passage, locate=False).found for passage in self.passages)

    def read_as(self) -> str:
        """How the page was read, in words: `read live on D` or `read in a copy held by X`."""
        if self.retrieved:
            return f"read live on {self.retrieved}"
        assert self.copy is not None
        return f"read in a copy held by {self.copy.held_by}"


def excerpt_from_data(path: str, data: dict[str, Any]) -> Excerpt:
    copy = data.get("copy")
    return Excerpt(path, data["url"], tuple(data["passages"]), Copy(**copy) if copy else None,
                   data.get("retrieved"), data.get("sha256"))


def quoted_parts(quotes: Iterable[str]) -> list[str]:
    """Every part of every quote, once each, in order."""
    return list(dict.fromkeys(p for q in quotes for p in parts(q)))


def load_excerpts(root: Path) -> dict[str, Excerpt]:
    """The valid excerpt files of a checkout by the page they are of (a file that does not load
    or fails its schema is left out: `trustreg check` reports it)."""
    from . import loader
    from .findings import FindingError
    from .jsonschemas.validation import SchemaSet
    from .workspace import display, excerpt_files

    schemas = SchemaSet(root, None)
    found: dict[str, Excerpt] = {}
    for file in excerpt_files(root):
        name = display(root, file)
        try:
            doc = loader.load(file, name)
        except FindingError:
            continue
        if not schemas.findings(doc, "excerpt"):
            excerpt = excerpt_from_data(name, doc.data)
            found.setdefault(excerpt.page, excerpt)
    return found

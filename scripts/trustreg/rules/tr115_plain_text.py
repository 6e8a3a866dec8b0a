"""TR115: texts are plain text: no HTML tags, no Markdown links or images, no script URLs.

Every pattern here runs in linear time on any text (a file may hold a megabyte of it): each
one is a short fixed prefix, or a repeat of characters that cannot hold the character that
starts the next attempt, so no attempt re-reads what an earlier one read.
"""

import re
from collections.abc import Iterator
from typing import Any

from ..loader import Document, PathKey
from .base import At, Context, rule

_LINK = "a Markdown link or image"
_MARKUP = (  # each starts with a literal, which the engine looks for before it tries a match
    # <https://...>: CommonMark's autolink (a scheme of 2 to 32 characters, then ':')
    (re.compile(r"<[a-zA-Z][a-zA-Z0-9+.\-]{1,31}:"), "a Markdown autolink"),
    (re.compile(r"<\s*[a-zA-Z!/?]"), "an HTML tag"),
    # [ref]: https://... , a link reference definition at the start of a line
    (re.compile(r"^[ \t]*\[[^\]\n]*\]:", re.M), _LINK),
)
# [text](url), ![alt](src), [text][ref], [text][]: text may nest brackets or span lines, so
# the closing `](` or `][` gives a link away (an opening `[` must come first)
_CLOSING = re.compile(r"\][(\[]")
_SCRIPT = re.compile(r"(?:javascript|vbscript|data)\s*:")  # on lower-cased text
_URL_KEYS = {"url", "archived", "trust_center"}


def texts(value: Any, where: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every string value with its path, except URL fields (TR107 checks those)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _URL_KEYS:
                yield from texts(item, (*where, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, (*where, i))
    elif isinstance(value, str):
        yield where, value


def _script_url(text: str) -> bool:
    lowered = text.lower()
    for found in _SCRIPT.finditer(lowered):  # a whole word: not "metadata:"
        before = lowered[found.start() - 1] if found.start() else " "
        if not (before.isalnum() or before == "_"):
            return True
    return False


def markup(text: str) -> str | None:
    """What markup a text holds (the first kind found), or None for plain text."""
    for pattern, what in _MARKUP:
        if pattern.search(text):
            return what
    opening = text.find("[")
    if opening >= 0 and _CLOSING.search(text, opening + 1):
        return _LINK
    return "a script or data URL" if _script_url(text) else None


@rule("TR115", "plain-text", "offering",
      "Texts are plain text: no HTML tags, Markdown links (inline, reference or autolink) or "
      "images, or script/data URLs.",
      kinds=("offering", "organisation"))
def check(doc: Document, ctx: Context) -> Iterator[At]:
    found = list(texts(doc.data))
    if markup("\n".join(text for _, text in found)) is None:  # one pass: no value has markup
        return
    for where, text in found:
        what = markup(text)
        if what:
            yield At(doc, where, f"{where[-1]} contains {what}",
                     "write plain text; put links in a source's url")

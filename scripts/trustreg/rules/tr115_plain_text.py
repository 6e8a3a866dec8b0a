"""TR115: texts are plain text: no HTML tags, no Markdown links or images, no script URLs."""

import re
from collections.abc import Iterator
from typing import Any

from ..loader import Document, PathKey
from .base import At, Context, rule

_MARKUP = (
    (re.compile(r"<\s*[a-zA-Z!/?]"), "an HTML tag"),
    (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), "a Markdown link or image"),
    (re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.I), "a script or data URL"),
)
_ANY_MARKUP = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _MARKUP), re.I)
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


@rule("TR115", "plain-text", "offering",
      "Texts are plain text: no HTML tags, Markdown links or images, or script/data URLs.",
      kinds=("offering", "organisation"))
def check(doc: Document, ctx: Context) -> Iterator[At]:
    found = list(texts(doc.data))
    if not _ANY_MARKUP.search("\0".join(text for _, text in found)):  # one pass: no value has markup
        return
    for where, text in found:
        for pattern, what in _MARKUP:
            if pattern.search(text):
                yield At(doc, where, f"{where[-1]} contains {what}",
                         "write plain text; put links in a source's url")
                break

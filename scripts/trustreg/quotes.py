"""Find a source's quote in a page's text, forgiving what copying from a browser changes.

Whitespace runs, typographic quotes and dashes, non-breaking and zero-width spaces, soft
hyphens and letter case are normalised; `[...]` (or `[…]`) marks an elision, so the parts
around it must appear in order. The answer says where the quote was found, or how far it got.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_FOLD = {**{c: "'" for c in "‘’‚‛′`´"}, **{c: '"' for c in "“”„‟″«»"},
         **{c: "-" for c in "‐‑‒–—―−"}, "…": "...", "\u00ad": "", "\u200b": "", "\u200c": "",
         "\u200d": "", "\u2060": "", "\ufeff": ""}
_ELISION = re.compile(r"\s*\[\s*(?:\.\s*\.\s*\.|…)\s*\]\s*")
CONTEXT = 40


@dataclass(frozen=True)
class Match:
    found: bool
    offset: int | None = None  # character offset of the quote's start in the page's text
    context: str = ""  # the page's text around the place found (or where matching stopped)
    reason: str = ""  # why not, when not found

    def describe(self) -> str:
        if self.found:
            return f"found at character {self.offset}: “{self.context}”"
        return self.reason


def normalise(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the offset it came from in text."""
    out: list[str] = []
    where: list[int] = []
    space = True  # drop leading whitespace
    for i, char in enumerate(text):
        char = _FOLD.get(char, char)
        if not char:
            continue
        if char.isspace():
            if not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        for piece in unicodedata.normalize("NFKC", char).casefold():
            out.append(" " if piece.isspace() else piece)
            where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def _snippet(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - CONTEXT):end + CONTEXT].split())


def find_quote(quote: str, text: str) -> Match:
    """Where the quote (with its [...] elisions) appears in text, or why it does not."""
    parts = [normalise(p)[0] for p in _ELISION.split(quote)]
    parts = [p for p in parts if p]
    if not parts:
        return Match(False, reason="the quote is empty")
    page, where = normalise(text)
    if not page:
        return Match(False, reason="the page has no readable text")
    position = 0
    first = None
    for number, part in enumerate(parts, start=1):
        at = page.find(part, position)
        if at < 0:
            return _missing(page, where, text, part, position, number, len(parts))
        first = at if first is None else first
        position = at + len(part)
    start, end = where[first], where[position - 1] + 1
    return Match(True, start, _snippet(text, start, end))


def _missing(page: str, where: list[int], text: str, part: str, position: int, number: int,
             count: int) -> Match:
    """Say how much of the missing part the page has: its longest leading run of words."""
    words = part.split(" ")
    low, high, at = 0, len(words), -1
    while low < high:  # binary search: the longest prefix of words still found
        middle = (low + high + 1) // 2
        found = page.find(" ".join(words[:middle]), position)
        if found >= 0:
            low, at = middle, found
        else:
            high = middle - 1
    which = f"part {number} of {count} of the quote" if count > 1 else "the quote"
    if low == 0:
        return Match(False, reason=f"{which} is not on the page (not even its first word "
                                   f"“{words[0]}”)")
    matched = " ".join(words[:low])
    start = where[at]
    end = where[min(at + len(matched), len(where) - 1)]
    return Match(False, start, _snippet(text, start, end),
                 f"{which} is not on the page: its first {low} of {len(words)} words are, at "
                 f"character {start}, then the page reads “{' '.join(text[end:end + 60].split())}”")

"""Find a source's quote in a page's text, forgiving what copying from a browser changes.

Whitespace runs, typographic quotes and dashes, non-breaking and zero-width spaces, soft
hyphens and letter case are normalised; `[...]` (or `[…]`) marks an elision, so the parts
around it must appear in order. The answer says where the quote was found, or how far it got.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_FOLD = {**{c: "'" for c in "‘’‚‛′´"}, **{c: '"' for c in "“”„‟″«»"},
         **{c: "-" for c in "‐‑‒–—―−"}, "…": "...", "\u00ad": "", "\u200b": "", "\u200c": "",
         "\u200d": "", "\u2060": "", "\ufeff": ""}
# no leading `\s*`: from every blank of a long run it would read the run again (quadratic);
# the blanks around an elision are dropped when each piece is folded into words
_ELISION = re.compile(r"\[\s*(?:\.\s*\.\s*\.|…)\s*\]")
_TABLE = str.maketrans(_FOLD)
_WORD = re.compile(r"\S+")
CONTEXT = 40


@dataclass(frozen=True)
class Match:
    found: bool
    offset: int | None = None  # character offset of the quote's start in the page's text
    context: str = ""  # the page's text around the place found (or where matching stopped)
    reason: str = ""  # why not, when not found
    end: int | None = None  # character offset just after the quote's end, when found

    def describe(self) -> str:
        if self.found:
            return f"found at character {self.offset}: “{self.context}”"
        return self.reason


class Folded:
    """Folded text with a map back to the original: runs of (folded offset, original offset)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.starts: list[int] = []  # folded offsets where a run begins
        self.origins: list[int] = []  # the original offset of each run's first character

    def add(self, text: str, origin: int) -> None:
        self.parts.append(text)
        self.starts.append(self.size)
        self.origins.append(origin)
        self.size += len(text)

    def origin(self, index: int) -> int:
        """The original offset of the folded character at index."""
        run = bisect_right(self.starts, index) - 1
        return self.origins[run] + index - self.starts[run]


def normalise(text: str) -> tuple[str, Folded]:
    """The folded text, and its map to offsets in text."""
    folded = Folded()
    for match in _WORD.finditer(text):  # word by word: an ASCII word is one run
        word, start = match.group(), match.start()
        if word.isascii():
            pieces = [(word.lower(), start)]
        else:
            pieces = [(" " if p.isspace() else p, i) for i, char in enumerate(word, start)
                      for p in unicodedata.normalize("NFKC", _FOLD.get(char, char)).casefold()]
        if not pieces:  # the word folded to nothing (e.g. a lone zero-width space)
            continue
        if folded.size:
            folded.add(" ", start - 1)
        for piece, origin in pieces:
            folded.add(piece, origin)
    return "".join(folded.parts), folded


def _snippet(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - CONTEXT):end + CONTEXT].split())


def _quick(text: str) -> str:
    return " ".join(text.translate(_TABLE).split()).lower()


def _in_order(parts: list[str], page: str) -> bool:
    position = 0
    for part in parts:
        position = page.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


def parts(quote: str) -> list[str]:
    """The quote's parts: its text split at each `[...]` elision, blank parts left out."""
    return [p.strip() for p in _ELISION.split(quote) if p.strip()]


def words(quote: str) -> int:
    """How many words the quote holds outside its elisions."""
    return sum(len(p.split()) for p in parts(quote))


def find_quote(quote: str, text: str, *, locate: bool = True) -> Match:
    """Where the quote (with its [...] elisions) appears in text, or why it does not.

    locate=False may answer "found" from a quicker fold without an offset (for `watch`).
    """
    pieces = _ELISION.split(quote)
    if not locate:
        quick = [q for q in (_quick(p) for p in pieces) if q]
        if quick and _in_order(quick, _quick(text)):
            return Match(True)
    parts = [p for p in (normalise(p)[0] for p in pieces) if p]
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
    start, end = where.origin(first), where.origin(position - 1) + 1
    return Match(True, start, _snippet(text, start, end), end=end)


def _missing(page: str, where: Folded, text: str, part: str, position: int, number: int,
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
    start = where.origin(at)
    end = where.origin(min(at + len(matched), len(page) - 1))
    return Match(False, start, _snippet(text, start, end),
                 f"{which} is not on the page: its first {low} of {len(words)} words are, at "
                 f"character {start}, then the page reads “{' '.join(text[end:end + 60].split())}”")

"""Find a source's quote in a page's text, forgiving only what copying from a browser changes.

Folded alike on both sides: runs of white space (non-breaking spaces too) become one space,
typographic quotes and dashes their ASCII forms, `…` three dots, soft hyphens and zero-width
characters vanish, and letters are lower-cased. Nothing else: no compatibility folding, so
"3⁰" is not "30" and "ﬁ" is not "fi". A quote matches whole words only: "eligible for HIPAA"
is not found in "ineligible for HIPAA" (in scripts written without spaces, such as Chinese
or Thai, any place may start a word). `[...]` (or `[…]`) marks an elision, so the parts
around it must appear in that order. The answer says where the quote was found, or how far
it got.

Folding streams through the text in large pieces (C-speed translate and lower) and keeps
its map to the original offsets as runs in two integer arrays, so a page at the 10 MB cap
costs a few copies of its text, not an object per character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass

_IGNORED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters, BOM
_ONE_TO_ONE = str.maketrans({**{c: "'" for c in "‘’‚‛′´"}, **{c: '"' for c in "“”„‟″«»"},
                             **{c: "-" for c in "‐‑‒–—―−"},
                             **{c: " " for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680"
                                "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                "\u200a\u2028\u2029\u202f\u205f\u3000"}})
# Where folded and original text stop moving together: white space with more blanks or
# ignored characters around it (one space), ignored characters (nothing), `…` (three dots)
# and İ, the one character whose lower case is two.
_EVENT = re.compile(rf"[{_IGNORED}]*\s[\s{_IGNORED}]+|[{_IGNORED}]+\s[\s{_IGNORED}]*|[{_IGNORED}]+|[…\u0130]")
_LEADING = re.compile(rf"[\s{_IGNORED}]*")
_ELISION = re.compile(r"\[\s*(?:\.\s*\.\s*\.|…)\s*\]")
_WORD_CHARS = re.compile(r"[^\W_]+")
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# words that state nothing alone: "No." or "Not [...]" is no quote of a documented no
FUNCTION_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "do", "does", "for", "from",
    "has", "have", "i", "in", "is", "it", "its", "n", "no", "non", "none", "nor", "not", "of", "on",
    "or", "our", "ours", "so", "than", "that", "the", "their", "them", "there", "these", "they",
    "this", "those", "to", "us", "was", "we", "were", "which", "will", "with", "yes", "you", "your"))
CONTEXT = 40
BATCH = 4096  # pieces joined at a time while folding


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
    """A map from folded offsets to original ones: runs that move together (two int arrays)."""

    def __init__(self) -> None:
        self.starts = array("q")  # folded offsets where a run begins
        self.origins = array("q")  # the original offset of each run's first character

    def run(self, folded: int, origin: int) -> None:
        self.starts.append(folded)
        self.origins.append(origin)

    def origin(self, index: int) -> int:
        """The original offset of the folded character at index."""
        run = bisect_right(self.starts, index) - 1
        return self.origins[run] + index - self.starts[run]


def normalise(text: str) -> tuple[str, Folded]:
    """The folded text, and its map to offsets in text."""
    where = Folded()
    chunks: list[str] = []
    pieces: list[str] = []
    size = 0

    def add(piece: str, origin: int) -> None:
        nonlocal size
        if piece:
            where.run(size, origin)
            pieces.append(piece)
            size += len(piece)
            if len(pieces) >= BATCH:
                chunks.append("".join(pieces))
                pieces.clear()

    low = _LEADING.match(text).end()  # type: ignore[union-attr]  # it matches the empty string
    high = len(text)
    while high > low and (text[high - 1].isspace() or text[high - 1] in _IGNORED):
        high -= 1
    position = low
    for event in _EVENT.finditer(text, low, high):
        add(text[position:event.start()].translate(_ONE_TO_ONE).lower(), position)
        found = event.group()
        if found == "…":
            for _ in range(3):  # each dot maps to the ellipsis
                add(".", event.start())
        elif found == "\u0130":
            for char in found.lower():
                add(char, event.start())
        elif not found.strip(_IGNORED):  # ignored characters only: nothing
            pass
        else:  # a blank run: one space, mapped to the run's last character
            add(" ", event.end() - 1)
        position = event.end()
    add(text[position:high].translate(_ONE_TO_ONE).lower(), position)
    chunks.append("".join(pieces))
    return "".join(chunks), where


def shown(text: str) -> str:
    """Page text fit to print: white space folded, control and bidi-override characters dropped
    (a page must not drive the terminal or reorder the message around it)."""
    return " ".join(_UNPRINTABLE.sub("", text).split())


def _snippet(text: str, start: int, end: int) -> str:
    return shown(text[max(0, start - CONTEXT):end + CONTEXT])


def _unspaced(char: str) -> bool:
    """A character of a script written without spaces between words (CJK, Thai, Lao, ...)."""
    code = ord(char)
    return (code >= 0x2E80 and unicodedata.east_asian_width(char) in "WF") or \
        0x0E00 <= code <= 0x0FFF or 0x1000 <= code <= 0x109F or 0x1780 <= code <= 0x17FF


def _joined(inside: str, outside: str) -> bool:
    """Whether a quote's edge character and the page's next character are one word."""
    return inside.isalnum() and outside.isalnum() and not (_unspaced(inside) or _unspaced(outside))


def _find_whole(page: str, part: str, position: int) -> int:
    """The first place at or after position where part stands as whole words, or -1."""
    at = page.find(part, position)
    while at >= 0:
        end = at + len(part)
        if not ((at and _joined(part[0], page[at - 1])) or
                (end < len(page) and _joined(part[-1], page[end]))):
            return at
        at = page.find(part, at + 1)
    return -1


def parts(quote: str) -> list[str]:
    """The quote's parts: its text split at each `[...]` elision, blank parts left out."""
    return [p.strip() for p in _ELISION.split(quote) if p.strip()]


def words(quote: str) -> int:
    """How many words the quote holds outside its elisions."""
    return sum(len(p.split()) for p in parts(quote))


def find_quote(quote: str, text: str, *, locate: bool = True) -> Match:
    """Where the quote (with its [...] elisions) appears in text, or why it does not.

    locate=False answers "found" without the offset and context (for `watch`).
    """
    parts = [p for p in (normalise(p)[0] for p in _ELISION.split(quote)) if p]
    if not parts:
        return Match(False, reason="the quote is empty")
    page, where = normalise(text)
    if not page:
        return Match(False, reason="the page has no readable text")
    position = 0
    first = None
    for number, part in enumerate(parts, start=1):
        at = _find_whole(page, part, position)
        if at < 0:
            return _missing(page, where, text, part, position, number, len(parts))
        first = at if first is None else first
        position = at + len(part)
    if not locate:
        return Match(True)
    start, end = where.origin(first), where.origin(position - 1) + 1
    return Match(True, start, _snippet(text, start, end), end=end)


def substantive_words(quote: str) -> list[str]:
    """The quote's words that state something: outside its elisions, folded, less the function
    words ("no", "not", "the", ...). A quote of only "No." or "[...]" has none."""
    words = _WORD_CHARS.findall(" ".join(normalise(p)[0] for p in _ELISION.split(quote)))
    return [w for w in words if w not in FUNCTION_WORDS]


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
    if low == len(words):
        return Match(False, start, _snippet(text, start, end),
                     f"{which} is on the page only as part of longer words, at character {start}: "
                     f"“{_snippet(text, start, end)}”")
    return Match(False, start, _snippet(text, start, end),
                 f"{which} is not on the page: its first {low} of {len(words)} words are, at "
                 f"character {start}, then the page reads “{shown(text[end:end + 60])}”")

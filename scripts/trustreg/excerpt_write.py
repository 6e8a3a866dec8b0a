"""Write a page's excerpt from its live text (`trustreg cite`): passages around the quoted words."""

from __future__ import annotations

from collections.abc import Iterable

from .fmt import dump
from .jsonschemas.data_files import EXCERPT_PASSAGE_LIMIT as PASSAGE_LIMIT
from .quotes import find_quote


def _widen(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """The span around [start, end) of at most limit characters, cut at white space."""
    spare = max(0, limit - (end - start)) // 2
    left, right = max(0, start - spare), min(len(text), end + spare)
    if left > 0 and not text[left - 1].isspace():  # do not cut a word
        blank = text.find(" ", left, start)
        left = blank + 1 if blank >= 0 else start
    if right < len(text) and not text[right].isspace():
        blank = text.rfind(" ", end, right)
        right = blank if blank >= 0 else end
    return left, right


def passages_around(text: str, parts: Iterable[str],
                    limit: int = PASSAGE_LIMIT) -> tuple[list[str], list[str]]:
    """(passages of text around each part found, merged where they overlap; the parts not found
    or longer than a passage). Passages fold white space to single spaces."""
    spans: list[tuple[int, int]] = []
    missing: list[str] = []
    folded = " ".join(text.split())
    for part in parts:
        match = find_quote(part, folded)
        if not match.found or match.offset is None or match.end is None \
                or match.end - match.offset > limit:
            missing.append(part)
            continue
        spans.append(_widen(folded, match.offset, match.end, limit))
    merged: list[tuple[int, int]] = []
    for left, right in sorted(spans):
        if merged and left <= merged[-1][1] and max(right, merged[-1][1]) - merged[-1][0] <= limit:
            merged[-1] = (merged[-1][0], max(right, merged[-1][1]))
        else:
            merged.append((left, right))
    return [folded[a:b].strip() for a, b in merged], missing


def excerpt_text(url: str, retrieved: str, sha256: str, passages: list[str]) -> str:
    """The excerpt file of a live read."""
    return dump({"url": url, "retrieved": retrieved, "sha256": sha256, "passages": passages})

"""Comments in YAML data files: the canonical form has none, so TR112 and fix report each one."""

from __future__ import annotations

import yaml

from . import loader
from .findings import Finding

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def comments(text: str) -> list[tuple[int, int]]:
    """(line, column) of every comment in a well-formed YAML text, 1-based.

    A comment is a `#` between tokens, or after a block scalar's `|` or `>` on its line.
    """
    found, end = [], 0
    for token in [*yaml.scan(text, Loader=_Loader), None]:
        start = token.start_mark.index if token else len(text)
        while (at := text.find("#", end, start)) >= 0:  # between tokens, # starts a comment
            found.append(at)
            end = text.find("\n", at, start)
            if end < 0:
                break
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            line_end = text.find("\n", start)
            header = text[start:line_end if line_end >= 0 else len(text)]
            if "#" in header:
                found.append(start + header.index("#"))
        if token:
            end = token.end_mark.index
    return [(text.count("\n", 0, i) + 1, i - text.rfind("\n", 0, i)) for i in sorted(found)]


def comment_findings(doc: loader.Document) -> list[Finding]:
    """One TR112 finding per comment: the canonical form has none, so fix refuses the file."""
    return [Finding(doc.path, line, col, "TR112", "comment would be lost: comments are not data",
                    "put what a reader needs into a field, then delete the comment")
            for line, col in comments(doc.text)]

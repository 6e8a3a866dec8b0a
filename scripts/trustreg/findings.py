"""A finding: one problem with one place in one file, as every command reports it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """A rule's verdict on a place: `path:line:col: CODE message (hint)`.

    Whatever a finding echoes from a file (keys, values, tags, URLs) is made safe here, once:
    on one line, control and bidirectional characters shown as \\uXXXX, each word and the
    whole text bounded (see safe()).
    """

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", _bounded(_escaped(self.path), MAX_TEXT))
        for name in ("message", "hint"):
            object.__setattr__(self, name, safe(getattr(self, name)))

    def text(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.col}: {self.code} {label}{self.message}{hint}"

    def github(self) -> str:
        """A GitHub Actions workflow command (annotation)."""
        kind = "error" if self.severity == "error" else "warning"
        body = _escape_gh_data(f"{self.message} ({self.hint})" if self.hint else self.message)
        props = ",".join(
            f"{k}={_escape_gh_prop(str(v))}"
            for k, v in (("file", self.path), ("line", self.line), ("col", self.col),
                         ("title", self.code))
        )
        return f"::{kind} {props}::{body}"


class FindingError(Exception):
    """Raised where a finding ends the work on a file (unreadable, not YAML, ...)."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.text())
        self.finding = finding


MAX_WORD = 100  # characters of one word (a key, a URL, a path) a finding shows
MAX_TEXT = 500  # characters of a message or a hint
_CUT = "…"


def _shown(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _escaped(text: str) -> str:
    return text if text.isprintable() else "".join(c if c.isprintable() else _shown(c) for c in text)


def _bounded(word: str, limit: int) -> str:
    return word if len(word) <= limit else word[:limit - 1] + _CUT


def safe(text: str) -> str:
    """Text fit for a terminal and a log: one line, escaped, bounded.

    White space runs become one space; other characters that do not print (controls,
    bidirectional overrides, zero-width and private-use characters, lone surrogates) are shown
    as \\uXXXX; each word is cut at MAX_WORD characters and the text at MAX_TEXT, with "…".
    """
    if len(text) > 4 * MAX_TEXT:  # spare the work on what will be cut anyway
        text = text[:4 * MAX_TEXT]
    return _bounded(" ".join(_bounded(_escaped(w), MAX_WORD) for w in text.split()), MAX_TEXT)


def _escape_gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_gh_prop(text: str) -> str:
    return _escape_gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: Iterable[Finding], fmt: str) -> str:
    """All findings in one of the output formats: text, json or github."""
    items = list(findings)
    if fmt == "json":
        return json.dumps([asdict(f) for f in items], indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return "".join(f.github() + "\n" for f in items)
    return "".join(f.text() + "\n" for f in items)

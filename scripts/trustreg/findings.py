"""A finding: one problem with one place in one file, as every command reports it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """A rule's verdict on a place: `path:line:col: CODE message (hint)`."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def text(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.col}: {self.code} {label}{_one_line(self.message)}{hint}"

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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escape_gh_data(text: str) -> str:
    return _one_line(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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

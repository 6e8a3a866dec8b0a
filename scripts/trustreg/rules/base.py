"""The rule registry: every check has a stable code, a scope and a one-line summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ..findings import Finding, Severity
from ..jsonschemas.validation import SchemaSet
from ..loader import Document, PathKey
from ..model import Organisation
from ..vocabulary import Vocabulary

Scope = Literal["file", "offering", "registry"]


@dataclass(frozen=True)
class Context:
    """What rules may consult besides the file at hand."""

    root: Path
    vocab: Vocabulary
    meta: dict[str, Any]
    organisations: dict[str, Organisation]
    schemas: SchemaSet
    today: date
    stale_days: int
    # excerpts/<host>/<slug>.yaml by path: the valid document, None when the file has errors
    # (filled before the registry rules run; file and offering rules must not rely on it)
    excerpts: dict[str, Document | None] = field(default_factory=dict)


@dataclass(frozen=True)
class At:
    """A rule's complaint about one place of one document."""

    doc: Document
    where: PathKey
    message: str
    hint: str
    key: bool = False


Check = Callable[..., Iterable["At | Finding"]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    scope: Scope
    summary: str
    severity: Severity = "error"
    kinds: tuple[str, ...] = ("offering",)
    check: Check | None = None  # None: reported by the loader or the schema step

    def run(self, subject: Any, ctx: Context) -> list[Finding]:
        """Findings of this rule on a document (file, offering scope) or a list of them."""
        if self.check is None:
            return []
        return [a if isinstance(a, Finding) else
                a.doc.finding(a.where, self.code, a.message, a.hint, key=a.key,
                              severity=self.severity) for a in self.check(subject, ctx)]


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"rule code {rule.code} registered twice")
    RULES[rule.code] = rule
    return rule


def rule(code: str, name: str, scope: Scope, summary: str, *, severity: Severity = "error",
         kinds: tuple[str, ...] = ("offering",)) -> Callable[[Check], Check]:
    """Register the decorated function as the check of a rule."""

    def wrap(check: Check) -> Check:
        register(Rule(code, name, scope, summary, severity, kinds, check))
        return check

    return wrap


def cells(doc: Document) -> Iterable[tuple[str, dict[str, Any]]]:
    """The (dimension id, cell) pairs of a schema-valid offering document."""
    return doc.data["cells"].items()


def graded(doc: Document) -> Iterable[tuple[PathKey, dict[str, Any], str, dict[str, Any]]]:
    """(path, graded item, dimension id, cell) for every cell and every variant of a cell.

    A graded item has a status, an optional caveat and sources, like a cell.
    """
    for dim_id, cell in cells(doc):
        yield ("cells", dim_id), cell, dim_id, cell
        for i, variant in enumerate(cell.get("variants") or ()):
            yield ("cells", dim_id, "variants", i), variant, dim_id, cell


def sources(doc: Document) -> Iterable[tuple[PathKey, dict[str, Any], str, dict[str, Any]]]:
    """(path, source, dimension id, cell) for every source of every cell and variant."""
    for where, item, dim_id, cell in graded(doc):
        for i, source in enumerate(item.get("sources") or ()):
            yield (*where, "sources", i), source, dim_id, cell

"""Across files: the excerpts kept for the registry rules, the comparable part of the offerings
that fail their schema, and the registry-scope rules."""

from __future__ import annotations

from pathlib import Path

from .. import loader
from ..findings import Finding, FindingError
from ..rules import Context
from ..workspace import display, excerpt_files
from .comparable import comparable
from .files import FileChecker
from .selection import rules_for


def comparable_file(root: Path, file: Path, ctx: Context) -> loader.Document | None:
    """A file that failed its schema, loaded again for the registry rules (rare: not cached);
    None when it does not load at all."""
    try:
        doc = loader.load(file, display(root, file))
    except FindingError:
        return None
    return comparable(doc, [e.instance_path for e in ctx.schemas.fast("offering").iter_errors(doc.data)])


def load_excerpts(files: FileChecker, ctx: Context) -> list[Finding]:
    """Check each excerpt file alone and keep it in ctx.excerpts for the registry rules."""
    ctx.excerpts.clear()
    findings: list[Finding] = []
    paths = excerpt_files(files.root)
    for file, (doc, found) in zip(paths, files.results(paths, "excerpt", ctx), strict=True):
        findings.extend(found)
        ctx.excerpts[display(files.root, file)] = doc
    return findings


def registry_findings(codes: set[str], compared: list[loader.Document],
                      organisations: list[loader.Document], ctx: Context) -> list[Finding]:
    """The registry-scope rules' findings on the offerings compared and on the organisations."""
    findings: list[Finding] = []
    for rule in rules_for(codes, "offering", ("registry",)):
        findings.extend(rule.run(compared, ctx))
    for rule in rules_for(codes, "organisation", ("registry",)):  # e.g. TR126
        findings.extend(rule.run(organisations, ctx))
    return findings

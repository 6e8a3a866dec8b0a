"""Bring data files into canonical form (the fixer that shares its code with rule TR112)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import atomic, loader
from .findings import Finding, FindingError
from .fmt import canonical_text
from .migration import migrate
from .vocabulary import load_vocabulary
from .workspace import display, kind_of, offering_files, organisation_files


@dataclass
class FixReport:
    changed: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def fix_files(root: Path, paths: list[Path] | None, *, write: bool) -> FixReport:
    """Rewrite (or with write=False, only list) the files not in canonical form."""
    vocab = load_vocabulary(root)
    files = paths if paths is not None else [*organisation_files(root), *offering_files(root)]
    report = FixReport()
    for file in files:
        kind = kind_of(root, file) or "offering"
        name = display(root, file)
        try:
            doc = loader.load(file, name)
        except FindingError as exc:
            report.findings.append(exc.finding)
            continue
        data = migrate(doc.data) if kind == "offering" else doc.data
        text = canonical_text(data, kind, vocab)
        if text is None or text == doc.text:
            continue
        if loader.loads(text, name).data != data:  # pragma: no cover - a formatter bug
            report.findings.append(Finding(name, 1, 1, "TR112", "formatting would change the data",
                                           "report this as a bug in trustreg fix"))
            continue
        report.changed.append(name)
        if write:
            atomic.write_text(file, text)
    return report

"""Bring data files into canonical form (the fixer that shares its code with rule TR112)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import atomic, loader
from .findings import Finding, FindingError
from .fmt import canonical_text
from .vocabulary import Vocabulary, load_vocabulary
from .workspace import display, kind_of, offering_files, organisation_files

# Format 1 route values and what they became in format 2: (route, route_via).
FORMAT_1_ROUTES: dict[str, tuple[str, str | None]] = {
    "public": ("public", None),
    "trust_center_nda": ("nda", "trust center"),
    "sales_contract": ("sales_contract", None),
}


def migrate(data: Any, vocab: Vocabulary) -> Any:
    """Offering data of format 1 (no `format` key) in the current format; other data unchanged.

    Format 2 splits format 1's `trust_center_nda` route into `route: nda` and
    `route_via: trust center`; every other format 1 value keeps its meaning and spelling.
    """
    if not isinstance(data, dict) or data.get("format", 1) != 1 or vocab.format != 2:
        return data
    out = {"format": 2, **{k: v for k, v in data.items() if k != "format"}}
    cells = out.get("cells")
    if isinstance(cells, dict):
        out["cells"] = {dim: _migrated_cell(cell) for dim, cell in cells.items()}
    return out


def _migrated_cell(cell: Any) -> Any:
    if not isinstance(cell, dict) or cell.get("route") not in FORMAT_1_ROUTES or "route_via" in cell:
        return cell
    route, via = FORMAT_1_ROUTES[cell["route"]]
    out = {**cell, "route": route}
    if via is not None:
        out["route_via"] = via
    return out


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
        data = migrate(doc.data, vocab) if kind == "offering" else doc.data
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

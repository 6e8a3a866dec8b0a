"""Plain-text renderings of cells and offerings, in the seed page's line formats."""

from __future__ import annotations

from typing import Any

from ..model import Cell, Offering, Registry

WATCH_OUT_SENTENCE = ("The cells where this offering is not a clean public yes. "
                      "This is what to check before you sign.")
NO_SOURCE = "no public source"


def fact_value(value: Any) -> str:
    """A fact as the seed prints it (booleans as True/False)."""
    return str(value)


def attribute_line(cell: Cell) -> str | None:
    """`tier: self_serve · route: public · default: requires_config ·` then geography."""
    parts = [f"{k}: {v} ·" for k, v in cell.attributes if k != "geography"]
    if cell.geography:
        parts.append(f"geography: {cell.geography}")
    return " ".join(parts) or None


def facts_line(cell: Cell) -> str | None:
    """`key: value · key: value` in the dimension's declared order."""
    return " · ".join(f"{k}: {fact_value(v)}" for k, v in cell.ordered_facts) or None


def watch_out_line(cell: Cell, registry: Registry) -> str:
    grade = registry.vocabulary.grade_label(cell.status)
    return f"- {cell.dimension.label}: {grade} {cell.caveat or ''}".rstrip()


def cell_heading(cell: Cell, registry: Registry) -> str:
    grade = registry.vocabulary.grade_label(cell.status)
    return f"{cell.dimension.label}: {grade} · confidence {cell.confidence} · verified {cell.verified}"


def source_lines(cell: Cell) -> list[str]:
    """`source: URL`, `archived copy: URL`, leads, or `no public source`."""
    lines: list[str] = []
    for source in cell.primary_sources:
        lines.append(f"source: {source.url} ({source.title})")
        if source.quote:
            lines.append(f"quote: “{source.quote}”")
        if source.archived:
            lines.append(f"archived copy: {source.archived}")
    if not cell.primary_sources:
        lines.append(NO_SOURCE)
    for source in cell.sources:
        if not source.is_primary:
            where = f" {source.url}" if source.url else ""
            lines.append(f"lead, not cited: {source.title}{where}")
    return lines


def cell_lines(cell: Cell, registry: Registry) -> list[str]:
    lines = [cell_heading(cell, registry)]
    if cell.caveat:
        lines.append(f"Watch-out: {cell.caveat}")
    lines.append(cell.evidence)
    lines.extend(line for line in (attribute_line(cell), facts_line(cell)) if line)
    lines.extend(source_lines(cell))
    lines.extend(f"review: {r.line}" for r in cell.reviews)
    return lines


def offering_text(offering: Offering, registry: Registry) -> str:
    """The offering page as text, in the seed page's order."""
    lines = [
        f"{registry.meta.name} · evidence verified as of {offering.verified}",
        f"Registry / {offering.name}",
        offering.name,
        f"Developer: {offering.developer.name} · Platform: {offering.platform.name} · "
        f"Model family: {offering.model_family}",
        offering.summary,
        f"Watch-outs {len(offering.watch_outs)}",
        WATCH_OUT_SENTENCE,
        *(watch_out_line(c, registry) for c in offering.watch_outs),
    ]
    for group in registry.vocabulary.groups.values():
        lines += ["", f"== {group.label} =="]
        for dim in registry.vocabulary.dimensions_in(group.id):
            if dim.id in offering.cells:
                lines += ["", *cell_lines(offering.cells[dim.id], registry)]
    lines += ["", registry.meta.corrections, registry.meta.disclaimer]
    return "\n".join(lines) + "\n"

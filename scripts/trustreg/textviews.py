"""The text commands' views (`show`, `compare`, `query`, `stale`), drafts marked.

A draft cell is graded from copies of the cited pages and not yet verified live: it says so
wherever it is shown, and no verified date stands in for it. Cells verified live print as the
seed page prints them (trustreg.publish.text's line formats).
"""

from __future__ import annotations

from datetime import date

from .model import Cell, Offering, Registry, Source, Variant
from .publish.labels import variant_scope
from .publish.text import (
    NO_SOURCE,
    WATCH_OUT_SENTENCE,
    attribute_line,
    facts_line,
    identity_line,
    variant_line,
    watch_out_line,
)

DRAFT_NOTE = "graded from copies of the cited pages; not yet verified live"
NO_DATE = "—"


def verified_words(cell: Cell) -> str:
    """`verified 2026-07-05`, or what a draft is instead."""
    if cell.draft is not None:
        return f"draft ({cell.draft.date}, {cell.draft.by}): {DRAFT_NOTE}"
    return f"verified {cell.verified}"


def cell_heading(cell: Cell, registry: Registry) -> str:
    grade = registry.vocabulary.grade_label(cell.status)
    return f"{cell.dimension.label}: {grade} · confidence {cell.confidence} · {verified_words(cell)}"


def read_line(source: Source) -> str | None:
    """How a source read in a copy was read (a live read shows as before: nothing)."""
    if source.copy is None:
        return None
    where = f" ({source.copy.url})" if source.copy.url else ""
    captured = f", captured {source.copy.captured}" if source.copy.captured else ""
    return f"read in a copy held by {source.copy.held_by}{captured}{where}"


def source_lines(item: Cell | Variant) -> list[str]:
    """`source: URL`, its quote, how it was read when in a copy, archived copy, leads."""
    lines: list[str] = []
    primary = [s for s in item.sources if s.is_primary]
    for source in primary:
        lines.append(f"source: {source.url} ({source.title})")
        if source.quote:
            lines.append(f"quote: “{source.quote}”")
        read = read_line(source)
        if read:
            lines.append(read)
        if source.archived:
            lines.append(f"archived copy: {source.archived}")
    if not primary:
        lines.append(NO_SOURCE)
    for source in item.sources:
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
    for variant in cell.variants:
        lines.append(f"Variant: {variant_line(variant, registry)}")
        if variant.evidence:
            lines.append(f"  {variant.evidence}")
        lines.extend(f"  {line}" for line in source_lines(variant))
    lines.extend(f"review: {r.line}" for r in cell.reviews)
    return lines


def drafts_line(offering: Offering) -> str | None:
    drafts = offering.drafts
    if not drafts:
        return None
    return f"Drafts {len(drafts)} of {len(offering.cells)} cells: {DRAFT_NOTE}"


def offering_text(offering: Offering, registry: Registry) -> str:
    """The offering page as text, in the seed page's order; drafts marked."""
    lines = [
        f"{registry.meta.name} · evidence verified as of {offering.verified or NO_DATE}",
        f"Registry / {offering.name}",
        offering.name,
        *([f"Also known as: {', '.join(offering.aliases)}"] if offering.aliases else []),
        identity_line(offering),
        offering.summary,
        *([line] if (line := drafts_line(offering)) else []),
        f"Watch-outs {len(offering.watch_outs)}",
        WATCH_OUT_SENTENCE,
        *(watch_out_line(c, registry) + (" [draft]" if c.is_draft else "") for c in offering.watch_outs),
    ]
    for group in registry.vocabulary.groups.values():
        lines += ["", f"== {group.label} =="]
        for dim in registry.vocabulary.dimensions_in(group.id):
            if dim.id in offering.cells:
                lines += ["", *cell_lines(offering.cells[dim.id], registry)]
    lines += ["", registry.meta.corrections, registry.meta.disclaimer]
    return "\n".join(lines) + "\n"


def compare_rows(registry: Registry, a: Offering, b: Offering) -> list[tuple[str, str, str, bool]]:
    """(dimension label, A's grade and caveat, B's, whether the grades differ) per dimension;
    a draft's grade is marked `[draft]`, a cell with variants `[+variants]`."""
    def shown(cell: Cell | None) -> str:
        if cell is None:
            return "-"
        grade = ("[draft] " if cell.is_draft else "") + registry.vocabulary.grade_label(cell.status)
        grade += " [+variants]" if cell.variants else ""
        return f"{grade}: {cell.caveat}" if cell.caveat else grade
    rows = []
    for dim in registry.vocabulary.dimensions.values():
        ca, cb = a.cells.get(dim.id), b.cells.get(dim.id)
        differs = (ca.status if ca else None) != (cb.status if cb else None)
        rows.append((dim.label, shown(ca), shown(cb), differs))
    return rows


def compare_text(registry: Registry, a: Offering, b: Offering, width: int = 44) -> str:
    def clip(text: str) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"
    rows = compare_rows(registry, a, b)
    label_width = max(len(r[0]) for r in rows)
    lines = [f"  {'':<{label_width}}  {clip(a.name):<{width}}  {clip(b.name)}"]
    for label, left, right, differs in rows:
        mark = "*" if differs else " "
        lines.append(f"{mark} {label:<{label_width}}  {clip(left):<{width}}  {clip(right)}")
    lines.append(f"{sum(r[3] for r in rows)} of {len(rows)} grades differ (marked *); "
                 f"watch-outs {len(a.watch_outs)} vs {len(b.watch_outs)}")
    if a.drafts or b.drafts:
        lines.append(f"drafts {len(a.drafts)} vs {len(b.drafts)} (marked [draft]): {DRAFT_NOTE}")
    lines += variant_lines(registry, a) + variant_lines(registry, b)
    return "\n".join(lines) + "\n"


def variant_lines(registry: Registry, offering: Offering) -> list[str]:
    """`variant of NAME: DIMENSION, Plan: Free: GRADE · caveat` per variant (marked [+variants])."""
    return [f"variant of {offering.name}: {cell.dimension.label}, {variant_scope(v)}: "
            f"{registry.vocabulary.grade_label(v.status)}" + (f" · {v.caveat}" if v.caveat else "")
            for cell in offering.cells.values() for v in cell.variants]


def query_line(offering: Offering) -> str:
    """`id, name, watch-outs` (tab-separated), and the drafts when there are any."""
    drafts = f"\tdrafts {len(offering.drafts)} ({DRAFT_NOTE})" if offering.drafts else ""
    return f"{offering.id}\t{offering.name}\twatch-outs {len(offering.watch_outs)}{drafts}"


def stale_cells(registry: Registry, days: int, today: date) -> list[tuple[Offering, Cell, int]]:
    """Cells verified more than `days` ago, oldest first (drafts were never verified: not here)."""
    found = []
    for offering in registry.offerings.values():
        for cell in offering.cells.values():
            if cell.verified is None:
                continue
            age = (today - date.fromisoformat(cell.verified)).days
            if age > days:
                found.append((offering, cell, age))
    return sorted(found, key=lambda t: (-t[2], t[0].id, t[1].dimension.id))

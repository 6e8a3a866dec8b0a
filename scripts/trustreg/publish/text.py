"""The seed page's line formats for cells (attributes, facts, variants, watch-outs)."""

from __future__ import annotations

from typing import Any

from ..model import Cell, Offering, Registry, Variant

WATCH_OUT_SENTENCE = ("The cells where this offering is not a clean public yes. "
                      "This is what to check before you sign.")
NO_SOURCE = "no public source"


def fact_value(value: Any) -> str:
    """A fact as the seed prints it (booleans as True/False; lists joined by commas)."""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def attribute_line(cell: Cell) -> str | None:
    """`tier: self_serve · route: public · default: requires_config ·` then geography."""
    parts = [f"{k}: {v} ·" for k, v in cell.attributes if k != "geography"]
    if cell.geography:
        parts.append(f"geography: {cell.geography}")
    return " ".join(parts) or None


def facts_line(cell: Cell) -> str | None:
    """`key: value · key: value` in the dimension's declared order."""
    return " · ".join(f"{k}: {fact_value(v)}" for k, v in cell.ordered_facts) or None


def variant_line(variant: Variant, registry: Registry) -> str:
    """`plan Free: Partial · caveat`: what a variant applies to, its grade and caveat."""
    grade = registry.vocabulary.grade_label(variant.status)
    caveat = f" · {variant.caveat}" if variant.caveat else ""
    return f"{variant.scope} {variant.applies_to}: {grade}{caveat}"


def watch_out_line(cell: Cell, registry: Registry) -> str:
    grade = registry.vocabulary.grade_label(cell.status)
    line = f"- {cell.dimension.label}: {grade} {cell.caveat or ''}".rstrip()
    worse = "; ".join(variant_line(v, registry) for v in cell.worse_variants)
    return f"{line} (worse for {worse})" if worse else line


def identity_line(offering: Offering) -> str:
    """Developer, platform (and its service name), category and model family on one line."""
    service = f" ({offering.service_name})" if offering.service_name else ""
    return (f"Developer: {offering.developer.name} · Platform: {offering.platform.name}{service} · "
            f"Category: {offering.category} · Model family: {offering.model_family}")

"""What a reader sees instead of the data's identifiers: one table, used by every page.

Grades and routes carry their labels in schema/vocabulary.yaml; the other enumerations of a
cell (tier, default, category, variant scope), the cell's attribute names and the fact names
are labelled here. A value the table does not know reads as its words (`new_value` → "New
value"), never as a raw identifier with underscores.
"""

from __future__ import annotations

from typing import Any

from ..model import Cell, Offering, Variant
from ..vocabulary import Vocabulary

LABELS: dict[str, dict[str, str]] = {
    "attribute": {"tier": "Tier", "route": "Route", "route_via": "Route via", "default": "Default",
                  "geography": "Geography"},
    "tier": {"self_serve": "Self-serve", "enterprise_only": "Enterprise only"},
    "default": {"enabled": "On by default", "disabled": "Off by default",
                "requires_config": "Needs configuration", "requires_approval": "Needs approval"},
    "category": {"first_party": "First-party", "cloud_distribution": "Cloud distribution"},
    "scope": {"plan": "Plan", "endpoint": "Endpoint", "model": "Model", "region": "Region"},
    "fact": {"sccs": "SCCs", "zdr_scope": "ZDR scope", "trust_services_criteria":
             "Trust services criteria", "subprocessors_public": "Subprocessor list public",
             "transfer_impact_assessment": "Transfer impact assessment",
             "art53_summary": "Art. 53 summary", "hosted_api_region": "Hosted API region"},
}


def words(ident: str) -> str:
    """`report_access` → "Report access": an identifier the table does not name, as words."""
    text = ident.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def label(kind: str, ident: str) -> str:
    return LABELS.get(kind, {}).get(ident) or words(ident)


def value_label(key: str, value: str, vocab: Vocabulary) -> str:
    """A cell attribute's value as a reader reads it (route labels from the vocabulary)."""
    if key == "route":
        return vocab.route_info.get(value, {}).get("label") or words(value)
    if key in ("tier", "default"):
        return label(key, value)
    return value  # route_via and geography are free text


def fact_text(value: Any) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def attribute_pairs(cell: Cell, vocab: Vocabulary) -> list[tuple[str, str]]:
    """(label, value) of the tier, route, route via, default and geography that are set."""
    return [(label("attribute", k), value_label(k, v, vocab)) for k, v in cell.attributes]


def fact_pairs(cell: Cell) -> list[tuple[str, str]]:
    """(label, value) of the cell's facts, in the dimension's order."""
    return [(label("fact", k), fact_text(v)) for k, v in cell.ordered_facts]


def variant_scope(variant: Variant) -> str:
    """`Plan: Free` — what a variant applies to."""
    return f"{label('scope', variant.scope)}: {variant.applies_to}"


def identity_pairs(offering: Offering) -> list[tuple[str, str]]:
    service = f" ({offering.service_name})" if offering.service_name else ""
    return [("Developer", offering.developer.name),
            ("Platform", offering.platform.name + service),
            ("Category", label("category", offering.category)),
            ("Model family", offering.model_family)]

"""dist/offerings.csv (tidy: one row per offering and dimension) and its datapackage.json."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..model import Registry
from ..rules.tr107_safe_urls import url_problem
from .feed import newest_primary, source_entry
from .stamps import Stamps

# (column, Table Schema type, description)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("offering_id", "string", "Offering id (file name under offerings/)."),
    ("offering_name", "string", "Offering display name."),
    ("developer", "string", "Model developer (display name)."),
    ("platform", "string", "Serving platform (display name)."),
    ("category", "string", "first_party or cloud_distribution."),
    ("dimension", "string", "Dimension id."),
    ("dimension_label", "string", "Dimension label."),
    ("group", "string", "Display group of the dimension."),
    ("graded_party", "string", "platform or developer: whom the cell grades."),
    ("value", "string", "The grade."),
    ("value_label", "string", "The grade's label."),
    ("watch_out", "boolean", "True when the grade is not yes_public."),
    ("confidence", "string", "high, medium or low."),
    ("verified", "date", "Date a person last verified the cell against the live pages; empty for a "
                         "draft."),
    ("draft", "boolean", "True when the cell is a draft: graded from copies of the cited pages; "
                         "not yet verified live."),
    ("draft_by", "string", "Who graded the draft; empty for a verified cell."),
    ("draft_date", "date", "When the draft was graded; empty for a verified cell."),
    ("caveat", "string", "One-line watch-out text."),
    ("tier", "string", "self_serve or enterprise_only."),
    ("route", "string", "How a buyer gets the evidence or feature."),
    ("route_via", "string", "Where the route's gate is passed (e.g. trust center)."),
    ("default", "string", "Default behaviour, for behaviours."),
    ("geography", "string", "Jurisdiction the cell speaks for."),
    ("facts", "string", "Typed facts of the cell as a JSON object."),
    ("variants", "string", "Variants by plan, endpoint, model or region as a JSON list of "
                           "{scope, applies_to, value, caveat}; empty when there are none."),
    ("source", "string", "Newest primary source URL (by retrieved date); empty when there is none."),
    ("archived", "string", "Archived copy of that source."),
    ("evidence", "string", "The paragraph explaining the grade."),
    ("stale", "boolean", "True when verified more than stale_after_days before the generated date."),
    ("sources", "string", "Every source of the cell (primaries and leads) as a JSON list; a source "
                          "read in a copy has retrieved null and copy {held_by, url, captured}."),
)


# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection");
# full-width forms included, which some spreadsheets read the same way
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
TEXT_COLUMNS = tuple(name for name, kind, _ in COLUMNS if kind == "string")
NEUTRALISED = ("Text cells that begin with =, +, -, @, a tab or a carriage return start with an "
               "added ' so that spreadsheets show them as text instead of running them.")


def inert(text: str) -> str:
    """A text cell as OWASP advises: a ' before a leading formula character."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def rows(registry: Registry, stamps: Stamps) -> list[dict[str, Any]]:
    vocab = registry.vocabulary
    out = []
    for offering in registry.offerings.values():
        for dim_id, cell in offering.cells.items():
            primary = newest_primary(cell)
            out.append({
                "offering_id": offering.id, "offering_name": offering.name,
                "developer": offering.developer.name, "platform": offering.platform.name,
                "category": offering.category, "dimension": dim_id,
                "dimension_label": cell.dimension.label,
                "group": vocab.groups[cell.dimension.group].label,
                "graded_party": cell.dimension.graded_party,
                "value": cell.status, "value_label": vocab.grade_label(cell.status),
                "watch_out": "true" if cell.is_watch_out else "false",
                "confidence": cell.confidence, "verified": cell.verified or "",
                "draft": "true" if cell.is_draft else "false",
                "draft_by": cell.draft.by if cell.draft else "",
                "draft_date": cell.draft.date if cell.draft else "",
                "caveat": cell.caveat or "", "tier": cell.tier or "", "route": cell.route or "",
                "route_via": cell.route_via or "",
                "variants": json.dumps([{"scope": v.scope, "applies_to": v.applies_to,
                                         "value": v.status, "caveat": v.caveat}
                                        for v in cell.variants], ensure_ascii=False)
                if cell.variants else "",
                "default": cell.default or "", "geography": cell.geography or "",
                "facts": json.dumps(dict(cell.ordered_facts), ensure_ascii=False) if cell.facts else "",
                "source": primary.url if primary else "",
                "archived": (primary.archived or "") if primary else "",
                "evidence": cell.evidence,
                "stale": "true" if stamps.is_stale(cell) else "false",
                "sources": json.dumps([source_entry(s) for s in cell.sources], ensure_ascii=False),
            })
    return out


def csv_text(registry: Registry, stamps: Stamps) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c[0] for c in COLUMNS], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: inert(v) if k in TEXT_COLUMNS else v for k, v in row.items()}
                     for row in rows(registry, stamps))
    return buffer.getvalue()


def datapackage(registry: Registry, stamps: Stamps) -> dict[str, Any]:
    vocab = registry.vocabulary
    url = registry.meta.license_url
    license_path = {} if url_problem(url) else {"path": url}  # check refuses it; never publish it
    enums = {"value": list(vocab.grades), "confidence": list(vocab.confidence),
             "dimension": list(vocab.dimensions), "category": ["first_party", "cloud_distribution"]}
    fields = []
    for name, kind, description in COLUMNS:
        field: dict[str, Any] = {"name": name, "type": kind, "description": description}
        if name in enums:
            field["constraints"] = {"required": True, "enum": enums[name]}
        elif name in ("offering_id", "draft"):
            field["constraints"] = {"required": True}
        fields.append(field)
    return {
        "name": "ai-provider-trust-registry",
        "title": registry.meta.name,
        "description": registry.meta.disclaimer,
        "version": stamps.generated,
        "licenses": [{"name": registry.meta.license, **license_path}],
        "resources": [
            {"name": "offerings", "path": "offerings.csv", "profile": "tabular-data-resource",
             "description": f"One row per offering and dimension. {NEUTRALISED}",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": fields, "primaryKey": ["offering_id", "dimension"]}},
            {"name": "data", "path": "data.json", "format": "json",
             "mediatype": "application/json", "encoding": "utf-8"},
        ],
    }


def write_tabular(registry: Registry, stamps: Stamps, out: Path) -> None:
    (out / "offerings.csv").write_text(csv_text(registry, stamps), encoding="utf-8")
    text = json.dumps(datapackage(registry, stamps), indent=2, ensure_ascii=False) + "\n"
    (out / "datapackage.json").write_text(text, encoding="utf-8")

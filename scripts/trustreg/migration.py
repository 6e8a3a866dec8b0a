"""Migrations of offering data from older formats to the current one (`trustreg fix` applies them).

Format 2 splits format 1's `trust_center_nda` route into `route: nda` and `route_via: trust
center`; every other format 1 value keeps its meaning and spelling, so the migration is lossless.
"""

from __future__ import annotations

from typing import Any

CURRENT_FORMAT = 2  # what schema/vocabulary.yaml's `format` names and migrate() produces

# Format 1 route values and what they became in format 2: (route, route_via).
FORMAT_1_ROUTES: dict[str, tuple[str, str | None]] = {
    "public": ("public", None),
    "trust_center_nda": ("nda", "trust center"),
    "sales_contract": ("sales_contract", None),
}


def migrate(data: Any) -> Any:
    """Offering data of format 1 (no `format` key) in format 2; any other data unchanged."""
    if not isinstance(data, dict) or data.get("format", 1) != 1:
        return data
    out = {"format": CURRENT_FORMAT, **{k: v for k, v in data.items() if k != "format"}}
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

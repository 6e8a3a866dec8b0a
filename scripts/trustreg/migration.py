"""Migrations of offering data from older formats to the current one (`trustreg fix` applies them).

Format 2 splits format 1's `trust_center_nda` route in two gate kinds: `nda` (a signed NDA is
needed) and `sign_in` (a sign-in or click-through is enough). Which one holds is a fact about the
portal, not about the file, so the migration never guesses: it writes `route_via: trust center`
and leaves `route: trust_center_nda` for a person to settle (`check` shows the cell's own text).
Every other format 1 value keeps its meaning and spelling.
"""

from __future__ import annotations

from typing import Any

CURRENT_FORMAT = 2  # what schema/vocabulary.yaml's `format` names and migrate() produces

# Format 1 route values and what they became in format 2: (route, route_via).
FORMAT_1_ROUTES: dict[str, tuple[str, str | None]] = {
    "public": ("public", None),
    "sales_contract": ("sales_contract", None),
}
# Format 1 routes a person settles: (the format 2 routes to choose from, route_via).
UNSETTLED_ROUTES: dict[str, tuple[tuple[str, ...], str]] = {
    "trust_center_nda": (("nda", "sign_in"), "trust center"),
}


def settles(old_route: object, new_route: object) -> bool:
    """Whether new_route is old_route, or one of the routes a person may settle it as."""
    choices = UNSETTLED_ROUTES.get(old_route, ((),))[0] if isinstance(old_route, str) else ()
    return old_route == new_route or new_route in choices


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
    if not isinstance(cell, dict) or "route_via" in cell:
        return cell
    if cell.get("route") in UNSETTLED_ROUTES:
        return {**cell, "route_via": UNSETTLED_ROUTES[cell["route"]][1]}
    if cell.get("route") not in FORMAT_1_ROUTES:
        return cell
    route, via = FORMAT_1_ROUTES[cell["route"]]
    out = {**cell, "route": route}
    if via is not None:
        out["route_via"] = via
    return out

"""The semantic diff of offerings: what changed in meaning, not in formatting."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A change to any of these is a correction: it must come with a new primary source.
CORRECTION_FIELDS = ("status", "caveat", "evidence", "facts", "tier", "route", "default")
# Changes to these alone are bookkeeping (re-verification, better sourcing).
OTHER_FIELDS = ("confidence", "geography", "sources", "reviews", "verified")
OFFERING_FIELDS = ("name", "developer", "platform", "category", "model_family", "summary", "hosting")


@dataclass(frozen=True)
class CellChange:
    offering: str
    dimension: str
    fields: tuple[str, ...]
    old: dict[str, Any]
    new: dict[str, Any]

    @property
    def is_correction(self) -> bool:
        return any(f in CORRECTION_FIELDS for f in self.fields)

    @property
    def is_reverification(self) -> bool:
        return not self.is_correction and "verified" in self.fields

    @property
    def fresh_primary_sources(self) -> list[dict[str, Any]]:
        """Primary sources of the new cell that are new, or re-retrieved since the old cell."""
        return fresh_primary_sources(self.old, self.new)


@dataclass
class RegistryDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    offering_fields: dict[str, list[str]] = field(default_factory=dict)
    cells: list[CellChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.renamed or self.offering_fields
                    or self.cells)


def fresh_primary_sources(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    before = {s.get("url"): s.get("retrieved") or "" for s in old.get("sources") or ()
              if s.get("role") == "primary"}
    return [s for s in new.get("sources") or () if s.get("role") == "primary"
            and (s.get("url") not in before or (s.get("retrieved") or "") > before[s.get("url")])]


def diff_cell(offering: str, dimension: str, old: dict[str, Any],
              new: dict[str, Any]) -> CellChange | None:
    fields = tuple(f for f in (*CORRECTION_FIELDS, *OTHER_FIELDS) if old.get(f) != new.get(f))
    extra = sorted({*old, *new} - {*CORRECTION_FIELDS, *OTHER_FIELDS})
    fields += tuple(f for f in extra if old.get(f) != new.get(f))
    return CellChange(offering, dimension, fields, old, new) if fields else None


def diff_offering(offering: str, old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str],
                                                                                  list[CellChange]]:
    """Changed offering-level fields, and the changed cells (in the new file's order)."""
    fields = [f for f in OFFERING_FIELDS if old.get(f) != new.get(f)]
    old_cells, new_cells = old.get("cells") or {}, new.get("cells") or {}
    changes = []
    for dim in [*new_cells, *(d for d in old_cells if d not in new_cells)]:
        change = diff_cell(offering, dim, old_cells.get(dim) or {}, new_cells.get(dim) or {})
        if change:
            changes.append(change)
    return fields, changes


def diff_registry(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
                  renames: dict[str, str] | None = None) -> RegistryDiff:
    """Compare two {offering id: data} maps; renames maps old ids to new ids (from git)."""
    renames = {a: b for a, b in (renames or {}).items() if a in old and b in new and a not in new}
    result = RegistryDiff()
    for old_id, new_id in sorted(renames.items()):
        result.renamed.append((old_id, new_id))
    gone = set(old) - set(new) - set(renames)
    came = set(new) - set(old) - set(renames.values())
    result.removed = sorted(gone)
    result.added = sorted(came)
    pairs = [(i, i) for i in sorted(set(old) & set(new))] + sorted(renames.items())
    for old_id, new_id in pairs:
        fields, cells = diff_offering(new_id, old[old_id], new[new_id])
        if fields:
            result.offering_fields[new_id] = fields
        result.cells.extend(cells)
    return result

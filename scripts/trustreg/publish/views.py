"""Buyer views on the command line: compare two offerings, filter by conditions, list stale cells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import Cell, Offering, Registry
from ..workspace import quoted

CELL_FIELDS = ("tier", "route", "default", "geography", "confidence", "verified")
_CONDITION = re.compile(r"^(?P<dim>[a-z0-9_]+)(?:\.(?P<field>[a-z0-9_]+))?"
                        r"(?P<op>!=|<=|>=|=|~)(?P<value>.*)$")
_NUMBER = re.compile(r"-?[0-9]{1,18}")  # ASCII: isdigit() takes '²', int() takes '٣' and '1_0'



def compare_rows(registry: Registry, a: Offering, b: Offering) -> list[tuple[str, str, str, bool]]:
    """(dimension label, A's grade and caveat, B's, whether the grades differ) per dimension."""
    def shown(cell: Cell | None) -> str:
        if cell is None:
            return "-"
        grade = registry.vocabulary.grade_label(cell.status)
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
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Condition:
    """`DIM=GRADE[,GRADE]`, `DIM.FIELD=VALUE`, `DIM.FACT>=N`, `DIM.FIELD~TEXT` (contains)."""

    dimension: str
    field: str | None
    op: str
    value: str

    def holds(self, cell: Cell | None) -> bool:
        if cell is None:
            return False
        actual = self._actual(cell)
        if actual is None:
            return self.op == "!="
        if self.op == "~":
            return self.value.lower() in str(actual).lower()
        if self.op in ("<=", ">="):
            if not isinstance(actual, int) or isinstance(actual, bool):
                return False
            bound = int(self.value)
            return actual <= bound if self.op == "<=" else actual >= bound
        matches = any(str(actual).lower() == v.strip().lower() for v in self.value.split(","))
        return matches if self.op == "=" else not matches

    def _actual(self, cell: Cell) -> Any:
        if self.field is None:
            return cell.status
        if self.field in CELL_FIELDS:
            return getattr(cell, self.field)
        return cell.facts.get(self.field)


def parse_condition(text: str, registry: Registry) -> Condition:
    """A condition from the command line; ValueError with a readable reason when it is wrong."""
    match = _CONDITION.match(text.strip())
    if not match:
        raise ValueError(f"cannot read condition {quoted(text)}; write e.g. hipaa_baa=yes_public "
                         "or data_residency.geography~EU")
    dim, field, op, value = match.group("dim", "field", "op", "value")
    vocab = registry.vocabulary
    if dim not in vocab.dimensions:
        raise ValueError(f"unknown dimension {quoted(dim)}; one of: {', '.join(vocab.dimensions)}")
    if field is None:
        unknown = [v for v in value.split(",") if v.strip() not in vocab.grades]
        if op not in ("=", "!=") or unknown:
            raise ValueError(f"grades are compared with = or != against: {', '.join(vocab.grades)}")
    elif field not in CELL_FIELDS and field not in vocab.dimensions[dim].facts:
        known = [*CELL_FIELDS, *vocab.dimensions[dim].facts]
        raise ValueError(f"{dim} has no field {quoted(field)}; one of: {', '.join(known)}")
    if op in ("<=", ">=") and not _NUMBER.fullmatch(value.strip()):
        raise ValueError(f"{quoted(text)}: {op} needs a whole number of up to 18 digits, "
                         f"not {quoted(value)}")
    return Condition(dim, field, op, value)


def query(registry: Registry, conditions: list[Condition]) -> list[Offering]:
    return [o for o in registry.offerings.values()
            if all(c.holds(o.cells.get(c.dimension)) for c in conditions)]


def stale_cells(registry: Registry, days: int, today: date) -> list[tuple[Offering, Cell, int]]:
    """Cells verified more than `days` ago, oldest first."""
    found = []
    for offering in registry.offerings.values():
        for cell in offering.cells.values():
            age = (today - date.fromisoformat(cell.verified)).days
            if age > days:
                found.append((offering, cell, age))
    return sorted(found, key=lambda t: (-t[2], t[0].id, t[1].dimension.id))

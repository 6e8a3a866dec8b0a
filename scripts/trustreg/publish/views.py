"""`trustreg query`'s conditions: filter offerings by their cells, and by their cells' variants.

A grade condition with `=` (`training_on_customer_data=documented_no`) holds when the cell's
headline grade matches or, failing that, when one of its variants (a plan, endpoint, model or
region) has that grade: a variant match, which the output marks. `!=` and the field conditions
read the headline cell only (a variant has no tier, route or facts of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Cell, Offering, Registry, Variant
from ..workspace import quoted
from .labels import variant_scope

CELL_FIELDS = ("tier", "route", "route_via", "default", "geography", "confidence", "verified")
_CONDITION = re.compile(r"^(?P<dim>[a-z0-9_]+)(?:\.(?P<field>[a-z0-9_]+))?"
                        r"(?P<op>!=|<=|>=|=|~)(?P<value>.*)$")
_NUMBER = re.compile(r"-?[0-9]{1,18}")  # ASCII: isdigit() takes '²', int() takes '٣' and '1_0'



@dataclass(frozen=True)
class Condition:
    """`DIM=GRADE[,GRADE]`, `DIM.FIELD=VALUE`, `DIM.FACT>=N`, `DIM.FIELD~TEXT` (contains).

    On a list fact, = and ~ hold when some item matches, != when no item equals the value.
    """

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
        values = actual if isinstance(actual, list) else [actual]
        if self.op == "!=":
            return not any(self._test("=", v) for v in values)
        return any(self._test(self.op, v) for v in values)

    def variant_hits(self, cell: Cell | None) -> tuple[Variant, ...]:
        """The cell's variants whose grade this condition matches (`DIM=GRADE` only)."""
        if cell is None or self.field is not None or self.op != "=":
            return ()
        return tuple(v for v in cell.variants if self._test("=", v.status))

    def _test(self, op: str, actual: Any) -> bool:
        if op == "~":
            return self.value.lower() in str(actual).lower()
        if op in ("<=", ">="):
            if not isinstance(actual, int) or isinstance(actual, bool):
                return False
            bound = int(self.value)
            return actual <= bound if op == "<=" else actual >= bound
        return any(str(actual).lower() == v.strip().lower() for v in self.value.split(","))

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


@dataclass(frozen=True)
class Match:
    """An offering every condition holds for; `variants` are the (dimension id, variant) pairs
    that matched where the headline cell did not (empty: a match on the headlines alone)."""

    offering: Offering
    variants: tuple[tuple[str, Variant], ...] = ()


def matches(registry: Registry, conditions: list[Condition]) -> list[Match]:
    """The offerings every condition holds for, on the headline cell or one of its variants."""
    found = []
    for offering in registry.offerings.values():
        via: list[tuple[str, Variant]] = []
        for condition in conditions:
            cell = offering.cells.get(condition.dimension)
            if condition.holds(cell):
                continue
            hits = condition.variant_hits(cell)
            if not hits:
                break
            via += [(condition.dimension, v) for v in hits]
        else:
            found.append(Match(offering, tuple(via)))
    return found


def variant_match_text(registry: Registry, dim_id: str, variant: Variant) -> str:
    """`variant match: No-training default, Plan: Free: No (documented)`."""
    label = registry.vocabulary.dimensions[dim_id].label
    grade = registry.vocabulary.grade_label(variant.status)
    return f"variant match: {label}, {variant_scope(variant)}: {grade}"


def variant_match_data(dim_id: str, variant: Variant) -> dict[str, str]:
    return {"dimension": dim_id, "scope": variant.scope, "applies_to": variant.applies_to,
            "status": variant.status}

"""The semantic diff of offerings: what changed in meaning, not in formatting.

It follows renames: of offerings (git's rename detection, else a removed and an added offering
of the same developer and platform citing the same pages) and of dimensions (a dimension gone
from every offering and one new in every offering, citing the same pages or the only pair).
`trustreg diff`, `check --base` and the changelog all read changes from here, so they agree.
It takes any data, also a schema-invalid file from history.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from .migration import settles

# A change to any of these is a correction: it must come with a new primary source.
CORRECTION_FIELDS = ("status", "caveat", "evidence", "facts", "tier", "route", "default")
# Changes to these alone are bookkeeping (re-verification, better sourcing).
OTHER_FIELDS = ("confidence", "geography", "sources", "reviews", "verified", "draft")
OFFERING_FIELDS = ("name", "developer", "platform", "category", "model_family", "summary", "hosting")


def cells_of(offering: Any) -> dict[str, dict[str, Any]]:
    """An offering's cells that are mappings (history may hold anything)."""
    cells = offering.get("cells") if isinstance(offering, dict) else None
    if not isinstance(cells, dict):
        return {}
    return {k: v for k, v in cells.items() if isinstance(v, dict)}


def sources_of(cell: dict[str, Any]) -> list[dict[str, Any]]:
    sources = cell.get("sources")
    return [s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def source_key(url: Any) -> str:
    """What makes two links the same page: case, fragment, query, port, trailing slash, www.,
    IDNA and percent-encoding do not (so a cosmetic variant of a cited link is no new source)."""
    text = unquote(_text(url)).strip().lower()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return text
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    host = host.removeprefix("www.")
    path = "/".join(p for p in parts.path.split("/") if p)
    return f"{host}/{path}" if host else text.split("#")[0].split("?")[0].rstrip("/")


def later(day: Any, than: Any, today: str | None = None) -> bool:
    """day is after than; when than is today (or later), today itself is as late as it gets."""
    day, than = _text(day), _text(than)
    return day > than or (bool(today) and day == today and than >= str(today))


def as_of(cell: dict[str, Any]) -> str:
    """The date a cell speaks for: its verified date, or a draft's date ("" when neither)."""
    draft = cell.get("draft")
    return _text(cell.get("verified")) or (_text(draft.get("date")) if isinstance(draft, dict) else "")


def _copy(source: dict[str, Any]) -> Any:
    copy = source.get("copy")
    return tuple(sorted(copy.items(), key=str)) if isinstance(copy, dict) else None


def reread_sources(old: dict[str, Any], new: dict[str, Any],
                   today: str | None = None) -> list[dict[str, Any]]:
    """Primary sources of the new cell citing a page the old cell cited too, read again: read
    live after the old cell's date and the old retrieved date, or read in another copy."""
    before: dict[str, str] = {}
    copies: dict[str, set[Any]] = {}
    for s in sources_of(old):
        key = source_key(s.get("url"))
        before[key] = max(before.get(key, ""), _text(s.get("retrieved")))
        copies.setdefault(key, set()).add(_copy(s))
    verified = as_of(old)
    found = []
    for s in sources_of(new):
        key = source_key(s.get("url"))
        if s.get("role") != "primary" or key not in before:
            continue
        live = later(s.get("retrieved"), before[key], today) and later(s.get("retrieved"), verified, today)
        if live or (_copy(s) is not None and _copy(s) not in copies[key]):
            found.append(s)
    return found


def fresh_primary_sources(old: dict[str, Any], new: dict[str, Any],
                          today: str | None = None) -> list[dict[str, Any]]:
    """Primary sources of the new cell citing a page the old cell did not cite (in any role),
    or read again since (reread_sources)."""
    cited = {source_key(s.get("url")) for s in sources_of(old)}
    reread = reread_sources(old, new, today)
    return [s for s in sources_of(new) if s.get("role") == "primary" and (
        source_key(s.get("url")) not in cited or any(s is r for r in reread))]


@dataclass(frozen=True)
class CellChange:
    offering: str
    dimension: str
    fields: tuple[str, ...]
    old: dict[str, Any]
    new: dict[str, Any]
    old_dimension: str | None = None  # set when the dimension was renamed

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
    renamed_dimensions: list[tuple[str, str]] = field(default_factory=list)
    offering_fields: dict[str, list[str]] = field(default_factory=dict)
    cells: list[CellChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.renamed or self.renamed_dimensions
                    or self.offering_fields or self.cells)


def _differs(field: str, old: dict[str, Any], new: dict[str, Any]) -> bool:
    """A route a format migration left for a person to settle is unchanged when settled."""
    if field == "route":
        return not settles(old.get(field), new.get(field))
    return old.get(field) != new.get(field)


def diff_cell(offering: str, dimension: str, old: dict[str, Any], new: dict[str, Any],
              old_dimension: str | None = None) -> CellChange | None:
    fields = tuple(f for f in (*CORRECTION_FIELDS, *OTHER_FIELDS) if _differs(f, old, new))
    extra = sorted({*old, *new} - {*CORRECTION_FIELDS, *OTHER_FIELDS}, key=str)
    fields += tuple(f for f in extra if _differs(f, old, new))
    return CellChange(offering, dimension, fields, old, new, old_dimension) if fields else None


def diff_offering(offering: str, old: dict[str, Any], new: dict[str, Any],
                  dimensions: dict[str, str] | None = None) -> tuple[list[str], list[CellChange]]:
    """Changed offering-level fields, and the changed cells (in the new file's order).

    dimensions maps renamed dimensions, old id -> new id.
    """
    fields = [f for f in OFFERING_FIELDS if old.get(f) != new.get(f)]
    old_cells, new_cells = cells_of(old), cells_of(new)
    was = {b: a for a, b in (dimensions or {}).items() if a in old_cells and a not in new_cells}
    changes = []
    for dim in new_cells:
        before = old_cells.get(dim) if dim in old_cells else old_cells.get(was.get(dim, ""))
        change = diff_cell(offering, dim, before or {}, new_cells[dim],
                           was.get(dim) if dim not in old_cells else None)
        if change:
            changes.append(change)
    for dim in old_cells:
        if dim not in new_cells and dim not in (dimensions or {}):
            change = diff_cell(offering, dim, old_cells[dim], {})
            if change:
                changes.append(change)
    return fields, changes


def _cited(cell: dict[str, Any]) -> set[str]:
    return {source_key(s.get("url")) for s in sources_of(cell) if s.get("url")}


def _pair(gone: Iterable[str], came: Iterable[str], score: Any) -> dict[str, str]:
    """Greedy pairing by score (highest first; ties by name); pairs scoring 0 are left out."""
    scored = sorted(((score(a, b), a, b) for a in gone for b in came), key=lambda s: (-s[0], s[1], s[2]))
    pairs: dict[str, str] = {}
    for points, a, b in scored:
        if points > 0 and a not in pairs and b not in pairs.values():
            pairs[a] = b
    return pairs


def offering_renames(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
                     git_renames: dict[str, str] | None = None) -> dict[str, str]:
    """Old id -> new id: git's renames, then removed and added offerings that are one."""
    renames = {a: b for a, b in (git_renames or {}).items()
               if a in old and b in new and a not in new and b not in old}
    gone = sorted(set(old) - set(new) - set(renames))
    came = sorted(set(new) - set(old) - set(renames.values()))

    cited = {(side, i): {(d, key) for d, c in cells_of(data[i]).items() for key in _cited(c)}
             for side, data, ids in ((0, old, gone), (1, new, came)) for i in ids}

    def score(a: str, b: str) -> int:
        if any(old[a].get(k) != new[b].get(k) for k in ("developer", "platform")):
            return 0
        return len(cited[0, a] & cited[1, b]) + (old[a].get("name") == new[b].get("name"))

    return {**renames, **_pair(gone, came, score)}


def dimension_renames(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
                      pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Old dimension -> new: one gone from every compared offering paired with one new in all."""
    if not pairs:
        return {}
    before = set().union(*(cells_of(old[a]) for a, _ in pairs))
    after = set().union(*(cells_of(new[b]) for _, b in pairs))
    gone, came = sorted(before - after), sorted(after - before)

    def score(a: str, b: str) -> int:
        points = 0
        for x, y in pairs:
            cell_a, cell_b = cells_of(old[x]).get(a, {}), cells_of(new[y]).get(b, {})
            points += bool(_cited(cell_a) & _cited(cell_b)) or (
                bool(cell_a.get("evidence")) and cell_a.get("evidence") == cell_b.get("evidence"))
        return points

    renames = _pair(gone, came, score)
    left_gone = [d for d in gone if d not in renames]
    left_came = [d for d in came if d not in renames.values()]
    if len(left_gone) == 1 and len(left_came) == 1:  # the only pair left is a rename too
        renames[left_gone[0]] = left_came[0]
    return renames


def diff_registry(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
                  git_renames: dict[str, str] | None = None) -> RegistryDiff:
    """Compare two {offering id: data} maps; git_renames maps old ids to new ids (from git)."""
    renames = offering_renames(old, new, git_renames)
    result = RegistryDiff()
    result.renamed = sorted(renames.items())
    result.removed = sorted(set(old) - set(new) - set(renames))
    result.added = sorted(set(new) - set(old) - set(renames.values()))
    pairs = [(i, i) for i in sorted(set(old) & set(new))] + sorted(renames.items())
    dimensions = dimension_renames(old, new, pairs)
    result.renamed_dimensions = sorted(dimensions.items())
    for old_id, new_id in pairs:
        fields, cells = diff_offering(new_id, old[old_id], new[new_id], dimensions)
        if fields:
            result.offering_fields[new_id] = fields
        result.cells.extend(cells)
    return result

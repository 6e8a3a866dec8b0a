"""The semantic diff of offerings: what changed in meaning, not in formatting.

It follows renames: of offerings (git's rename detection, else a removed and an added offering
alike by their cited pages, their parties and their names: offering_renames) and of dimensions
(a dimension gone from every offering and one new in every offering, citing the same pages or
the only pair). A cell's variants are followed by their scope and applies_to (diff_variants).
`trustreg diff`, `check --base` and the changelog all read changes from here, so they agree.
It takes any data, also a schema-invalid file from history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from .migration import settles
from .urls import page_key

# A change to any of these is a correction: it must come with a new primary source.
CORRECTION_FIELDS = ("status", "caveat", "evidence", "facts", "tier", "route", "default")
# Changes to these alone are bookkeeping (re-verification, better sourcing).
OTHER_FIELDS = ("confidence", "geography", "sources", "reviews", "verified", "draft")
# What a variant claims: a change to any of these is a correction too.
VARIANT_FIELDS = ("scope", "applies_to", "status", "caveat", "evidence")
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


def variants_of(cell: dict[str, Any]) -> list[dict[str, Any]]:
    variants = cell.get("variants")
    return [v for v in variants if isinstance(v, dict)] if isinstance(variants, list) else []


def all_sources(cell: dict[str, Any]) -> list[dict[str, Any]]:
    """The sources of a cell's headline and of every variant: what the cell cites."""
    return [*sources_of(cell), *(s for v in variants_of(cell) for s in sources_of(v))]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def page_of(source: dict[str, Any]) -> str:
    """The page a source cites (urls.page_key, the one definition of "the same page")."""
    return page_key(_text(source.get("url")))


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


def reread_sources(old: dict[str, Any], new: dict[str, Any], today: str | None = None,
                   among: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Primary sources of the new cell (or of `among`, one of its variants' sources) citing a
    page the old cell (headline or variant) cited too, read again: read live after the old
    cell's date and the old retrieved date, or read in another copy."""
    before: dict[str, str] = {}
    copies: dict[str, set[Any]] = {}
    for s in all_sources(old):
        key = page_of(s)
        before[key] = max(before.get(key, ""), _text(s.get("retrieved")))
        copies.setdefault(key, set()).add(_copy(s))
    verified = as_of(old)
    found = []
    for s in sources_of(new) if among is None else among:
        key = page_of(s)
        if s.get("role") != "primary" or key not in before:
            continue
        live = later(s.get("retrieved"), before[key], today) and later(s.get("retrieved"), verified, today)
        if live or (_copy(s) is not None and _copy(s) not in copies[key]):
            found.append(s)
    return found


def fresh_primary_sources(old: dict[str, Any], new: dict[str, Any], today: str | None = None,
                          among: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Primary sources of the new cell (or of `among`) citing a page the old cell did not cite
    (in any role, headline or variant), or read again since (reread_sources)."""
    cited = {page_of(s) for s in all_sources(old)}
    reread = reread_sources(old, new, today, among)
    return [s for s in (sources_of(new) if among is None else among) if s.get("role") == "primary" and (
        page_of(s) not in cited or any(s is r for r in reread))]


@dataclass(frozen=True)
class VariantChange:
    """A variant added, removed, or changed in what it claims (a correction like a cell's)."""

    index: int | None  # its place in the new cell's variants; None when removed
    old: dict[str, Any]  # {} when added
    new: dict[str, Any]  # {} when removed
    fields: tuple[str, ...]

    @property
    def label(self) -> str:
        """`variant region "EU, US and APAC" (was "EU")`, as findings name it."""
        now, then = self.new or self.old, self.old or self.new
        text = f'variant {_text(now.get("scope"))} "{_text(now.get("applies_to"))}"'
        if (then.get("scope"), then.get("applies_to")) != (now.get("scope"), now.get("applies_to")):
            text += f' (was {_text(then.get("scope"))} "{_text(then.get("applies_to"))}")'
        return text

    @property
    def what(self) -> str:
        if not self.old:
            return f"added ({_text(self.new.get('status'))})"
        if not self.new:
            return f"removed (it was {_text(self.old.get('status'))})"
        if "status" in self.fields:
            return f"grade changed {self.old.get('status')} -> {self.new.get('status')}"
        return "changed " + ", ".join(self.fields)


def _variant_key(variant: dict[str, Any]) -> tuple[str, str]:
    return _text(variant.get("scope")), " ".join(_text(variant.get("applies_to")).casefold().split())


def diff_variants(old: dict[str, Any], new: dict[str, Any]) -> tuple[VariantChange, ...]:
    """The variants added, removed or changed in a claim (VARIANT_FIELDS); a variant is followed
    by its scope and applies_to, else paired in order with a changed one of the same scope."""
    before, after = variants_of(old), variants_of(new)
    left = list(range(len(before)))
    pairs: dict[int, int] = {}
    for i, variant in enumerate(after):  # the same scope and applies_to
        j = next((j for j in left if _variant_key(before[j]) == _variant_key(variant)), None)
        if j is not None:
            pairs[i] = j
            left.remove(j)
    for i, variant in enumerate(after):  # then the same scope, in order
        j = None if i in pairs else next(
            (j for j in left if before[j].get("scope") == variant.get("scope")), None)
        if j is not None:
            pairs[i] = j
            left.remove(j)
    found = []
    for i, variant in enumerate(after):
        was = before[pairs[i]] if i in pairs else {}
        fields = tuple(f for f in VARIANT_FIELDS if was.get(f) != variant.get(f))
        if fields:
            found.append(VariantChange(i, was, variant, fields))
    found += [VariantChange(None, before[j], {}, VARIANT_FIELDS) for j in left]
    return tuple(found)


@dataclass(frozen=True)
class CellChange:
    offering: str
    dimension: str
    fields: tuple[str, ...]
    old: dict[str, Any]
    new: dict[str, Any]
    old_dimension: str | None = None  # set when the dimension was renamed
    variants: tuple[VariantChange, ...] = ()  # variants that correct what the cell claims

    @property
    def corrects_headline(self) -> bool:
        return any(f in CORRECTION_FIELDS for f in self.fields)

    @property
    def is_correction(self) -> bool:
        return self.corrects_headline or bool(self.variants)

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
    variants = diff_variants(old, new) if old and new else ()
    return CellChange(offering, dimension, fields, old, new, old_dimension, variants) if fields else None


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
    return {page_of(s) for s in sources_of(cell) if s.get("url")}


def _pair(gone: Iterable[str], came: Iterable[str], score: Any) -> dict[str, str]:
    """Greedy pairing by score (highest first; ties by name); pairs scoring 0 are left out."""
    scored = sorted(((score(a, b), a, b) for a in gone for b in came), key=lambda s: (-s[0], s[1], s[2]))
    pairs: dict[str, str] = {}
    for points, a, b in scored:
        if points > 0 and a not in pairs and b not in pairs.values():
            pairs[a] = b
    return pairs


def _pages(offering: dict[str, Any]) -> set[str]:
    """Every page an offering cites, in any cell, headline or variant."""
    return {page_of(s) for c in cells_of(offering).values() for s in all_sources(c) if s.get("url")}


def _likeness(a: Any, b: Any) -> float:
    a, b = _text(a).casefold(), _text(b).casefold()
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


# How alike a removed and an added offering must be to be one, renamed: their cited pages
# match (PAGES of all they cite), or two signals agree among the same developer and platform
# (or organisations sharing a domain), a cited page shared, and a like name (NAME) or id.
PAGES, NAME = 0.5, 0.6


def offering_renames(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
                     git_renames: dict[str, str] | None = None,
                     same_party: Callable[[Any, Any], bool] | None = None) -> dict[str, str]:
    """Old id -> new id: git's renames, then removed and added offerings that are one.

    same_party(old organisation id, new organisation id) tells whether two organisation ids
    name one party (by default: the same id); a caller that knows the organisations' domains
    says whether they share one, so moving to a duplicate organisation is no escape."""
    renames = {a: b for a, b in (git_renames or {}).items()
               if a in old and b in new and a not in new and b not in old}
    gone = sorted(set(old) - set(new) - set(renames))
    came = sorted(set(new) - set(old) - set(renames.values()))
    party = same_party or (lambda a, b: a == b)
    pages = {(side, i): _pages(data[i]) for side, data, ids in ((0, old, gone), (1, new, came)) for i in ids}

    def score(a: str, b: str) -> float:
        shared = pages[0, a] & pages[1, b]
        overlap = len(shared) / (len(pages[0, a] | pages[1, b]) or 1)
        same = all(party(old[a].get(k), new[b].get(k)) for k in ("developer", "platform"))
        named = max(_likeness(old[a].get("name"), new[b].get("name")), _likeness(a, b)) >= NAME
        if overlap >= PAGES or same + bool(shared) + named >= 2:
            return overlap + same + named
        return 0

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
                  git_renames: dict[str, str] | None = None,
                  same_party: Callable[[Any, Any], bool] | None = None) -> RegistryDiff:
    """Compare two {offering id: data} maps; git_renames maps old ids to new ids (from git),
    same_party tells organisation ids of one party (offering_renames)."""
    renames = offering_renames(old, new, git_renames, same_party)
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

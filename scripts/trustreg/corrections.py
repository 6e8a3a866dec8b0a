"""`trustreg check --base REV`: every corrected cell carries fresh evidence.

The working tree is compared with the merge base of REV and HEAD (where the branch started:
a branch behind REV is not blamed for REV's later commits); `--base auto` takes REV from the
repository (origin/HEAD, the upstream, main or master), as the pre-commit hook does. Renamed
offerings and dimensions are followed (semdiff). A cell whose grade, caveat, evidence, facts,
tier, route or default changed needs a primary source citing a page it did not cite before, or
re-read since the base (TR201), and a verified date, or a draft's date, newer than the base's
verified or draft date (TR202); when the base's date is already today, today is enough. A
source read again (a later `retrieved`, or another `copy`) counts only with the page's excerpt
as read: new, or holding other passages, sha256 or copy than at the base (TR205: a new date
is not a new reading). An offering file that does not load at the base, or lacks the shape
history is read by (shapes.HISTORY_OFFERING), cannot be compared (TR200), and domains added
to an organisation (or its kind changed) are reported for a reviewer (TR203). A new offering
needs a primary source for every cell graded other than no_public_evidence or unclear: rule
TR105, which check always runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import gitdata
from .checker import Result, today
from .excerpts import excerpt_path
from .findings import Finding, FindingError
from .loader import Document, PathKey
from .migration import migrate
from .primary_basis import basis_findings
from .semdiff import (
    CellChange,
    all_sources,
    as_of,
    diff_registry,
    fresh_primary_sources,
    later,
    reread_sources,
    sources_of,
)
from .shapes import history_problem
from .workspace import OFFERINGS_DIR, ORGANISATIONS_DIR, escaped

AUTO = "auto"


@dataclass
class Tree:
    """Data files of one revision: id -> data, and the paths of files that do not load."""

    data: dict[str, dict[str, Any]] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)  # path -> why


def files_at(root: Path, rev: str, folder: str) -> Tree:
    """The YAML files of a folder at a revision, by id."""
    tree = Tree()
    with gitdata.Blobs(root) as blobs:
        for path, blob in sorted(gitdata.tree_blobs(root, rev, folder).items()):
            try:
                data = gitdata.load_blob(blobs, blob, path).data
            except FindingError as exc:
                tree.broken[path] = exc.finding.message
                continue
            if folder == OFFERINGS_DIR:  # an older format is compared as migrated: no correction
                data = migrate(data)
                problem = history_problem(data)
            else:
                problem = None if isinstance(data, dict) and isinstance(data.get("id"), str) else (
                    "it is not a mapping with an id")
            if problem:
                tree.broken[path] = problem
            else:
                tree.data.setdefault(data["id"], data)
    return tree


def offerings_at(root: Path, rev: str) -> dict[str, dict[str, Any]]:
    """Offering id -> data at a revision; files that do not load there are left out."""
    return files_at(root, rev, OFFERINGS_DIR).data


def working_tree_offerings(root: Path) -> dict[str, dict[str, Any]]:
    """Offering id -> data in the working tree; files that do not load are left out."""
    from . import loader
    from .workspace import display, offering_files

    found: dict[str, dict[str, Any]] = {}
    for file in offering_files(root):
        try:
            data = loader.load(file, display(root, file)).data
        except FindingError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            found.setdefault(data["id"], data)
    return found


def git_renames(root: Path, base: str, target: str | None) -> dict[str, str]:
    """Old id -> new id of offering files git sees as renamed (file names are ids, TR101)."""
    return {gitdata.stem(a): gitdata.stem(b) for a, b in gitdata.renamed_paths(root, base, target)}


def base_commit(root: Path, rev: str, warn: Callable[[str], None]) -> str | None:
    """The commit to compare with (None: no commit yet, nothing to compare); says which."""
    from .cli import UsageError

    if not rev.strip():
        raise UsageError("--base needs a revision, e.g. --base origin/main (or --base auto)")
    if not gitdata.is_repository(root):
        raise UsageError(f"--base: {root} is not in a git repository")
    if not gitdata.has_commits(root) and rev in ("HEAD", AUTO):
        return None  # the first commit: every offering is new, and TR105 covers new ones
    name = gitdata.default_branch(root) if rev == AUTO else rev
    head = gitdata.resolve(root, "HEAD")
    if name is None:
        warn(f"warning: --base auto found no origin/HEAD, upstream, main or master: compared with "
             f"HEAD ({head[:10]}), so only uncommitted changes are checked")
        return head
    target = gitdata.resolve(root, name)
    base = gitdata.merge_base(root, target, head)
    if base is None:
        raise UsageError(f"--base {name}: it shares no history with HEAD")
    fresh_branch = rev == AUTO and gitdata.current_branch(root) not in (None, name.rpartition("/")[2])
    if base == target == head and not fresh_branch:
        warn(f"warning: --base {name} is HEAD itself ({head[:10]}): only uncommitted changes are "
             "compared, not the commits on this branch; compare with where the branch started "
             "(e.g. --base origin/main)")
    elif base == head and base != target:
        warn(f"corrections: compared with HEAD ({head[:10]}), where it and {name} diverge: "
             "HEAD has no commits of its own")
    elif base == target:
        warn(f"corrections: compared with {name} ({base[:10]})")
    else:
        warn(f"corrections: compared with {base[:10]}, where HEAD and {name} diverge (merge base)")
    return base


def _what(change: CellChange) -> str:
    old, new = change.old.get("status"), change.new.get("status")
    if old != new:
        return f"grade changed {old} -> {new}"
    if change.corrects_headline:
        return "changed " + ", ".join(f for f in change.fields if f in (
            "caveat", "evidence", "facts", "tier", "route", "default"))
    return "changed its variants"


def _evidence_findings(doc: Document, change: CellChange, on: str, excerpt_read: Callable[[str], bool],
                       where: PathKey, name: str, among: list[dict[str, Any]] | None) -> list[Finding]:
    """TR201 and TR205 for one corrected claim (the headline, or a variant when among holds its
    sources): a primary source among its sources is new to the cell, or read again."""
    sources = change.new["sources"] if among is None else among
    old_date = as_of(change.old)
    found = []
    # read again on a later day or in another copy (a same-day follow-up keeps its reading)
    reread = [s for s in reread_sources(change.old, change.new, among=among)
              if not excerpt_read(str(s.get("url")))]
    fresh = [s for s in fresh_primary_sources(change.old, change.new, on, among)
             if not any(s is r for r in reread)]
    for source in reread:
        index = next(i for i, s in enumerate(sources) if s is source)
        key = "retrieved" if "retrieved" in source else "copy"
        url = str(source.get("url"))
        found.append(doc.finding((*where, "sources", index, key), "TR205",
                                 f"{name}: {url} is read again, but its excerpt is the base's: "
                                 "a new date is not a new reading",
                                 f"add the excerpt of the page as read ({excerpt_path(url)}, with "
                                 "the quote that backs the new grade)"))
    if not fresh and not reread:
        found.append(doc.finding((*where, "sources"), "TR201",
                                 f"{name} without a new or re-read primary source",
                                 f"add a role: primary source citing a page the cell did not cite, or "
                                 f"re-read one after {old_date or 'the base'} (its excerpt as read)"))
    return found


def cell_findings(doc: Document, change: CellChange, on: str,
                  excerpt_read: Callable[[str], bool]) -> list[Finding]:
    """TR201, TR202 and TR205 for one corrected cell and each corrected variant of it;
    excerpt_read(url) tells whether the page's excerpt is new or holds another reading than at
    the base. A variant's claim needs a new primary source of its own; a removed variant, one
    anywhere in the cell. Pages the cell cited at the base, headline or variant, are not new."""
    where: PathKey = ("cells", change.dimension)
    name = f"{change.offering}/{change.dimension}"
    if change.old_dimension:
        name += f" (was {change.old_dimension})"
    old_date = as_of(change.old)
    found = []
    if change.corrects_headline:
        found += _evidence_findings(doc, change, on, excerpt_read, where, f"{name}: {_what(change)}", None)
    for variant in change.variants:
        label = f"{name} {escaped(variant.label)}: {escaped(variant.what)}"
        if variant.index is None:
            found += _evidence_findings(doc, change, on, excerpt_read, where, label, all_sources(change.new))
        else:
            found += _evidence_findings(doc, change, on, excerpt_read, (*where, "variants", variant.index),
                                        label, sources_of(variant.new))
    what = _what(change) if change.corrects_headline else f"{len(change.variants)} variant(s) changed"
    if "draft" in change.new:
        if not later(change.new["draft"].get("date"), old_date, on):
            found.append(doc.finding((*where, "draft", "date"), "TR202",
                                     f"{name}: {what} but the draft's date is not newer "
                                     f"than the base's {old_date}",
                                     "set draft.date to the day you graded the new evidence"))
    elif not later(change.new.get("verified"), old_date, on):
        found.append(doc.finding((*where, "verified"), "TR202",
                                 f"{name}: {what} but verified is not newer than the "
                                 f"base's {old_date}",
                                 "set verified to the date you checked the new evidence"))
    return found


def route_via_findings(doc: Document, change: CellChange) -> list[Finding]:
    """TR206: a cell's route_via (where the gate is passed) changed since the base."""
    if "route_via" not in change.fields or not change.old or not change.new:
        return []
    old, new = (escaped(str(c["route_via"])) if c.get("route_via") else "(none)"
                for c in (change.old, change.new))
    where: PathKey = ("cells", change.dimension, *(("route_via",) if "route_via" in change.new else ()))
    return [doc.finding(where, "TR206",
                        f"{change.offering}/{change.dimension}: route_via changed from "
                        f"{old} to {new} since the base",
                        "a reviewer confirms where the gate is passed, against the cell's sources",
                        severity="warning")]


def excerpt_changes(root: Path, base: str) -> Callable[[str], bool]:
    """Whether a page's excerpt holds a reading the base's does not: new, or other passages,
    sha256 or copy than at the base (a changed `retrieved` or `captured` date alone is none)."""
    from . import loader

    def reading(data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        copy = data.get("copy")
        copy = {k: v for k, v in copy.items() if k != "captured"} if isinstance(copy, dict) else copy
        return {**{k: v for k, v in data.items() if k != "retrieved"}, "copy": copy}

    def changed(url: str) -> bool:
        rel = excerpt_path(url)
        if rel is None or not (root / rel).is_file():
            return False
        try:
            now = loader.load(root / rel, rel).data
        except FindingError:
            return False
        folder, _, _name = rel.rpartition("/")
        blob = gitdata.tree_blobs(root, base, folder).get(rel)
        if blob is None:
            return True
        with gitdata.Blobs(root) as blobs:
            try:
                then = gitdata.load_blob(blobs, blob, rel).data
            except FindingError:
                return True
        return reading(now) != reading(then)

    return changed


def _unloadable(docs: dict[str, Document], before: Tree, renames: dict[str, str],
                added: list[str]) -> list[Finding]:
    """TR200: an offering whose file at the base does not load cannot be compared; when it is
    gone, any offering added since may be it, renamed."""
    found = []
    for path, why in sorted(before.broken.items()):
        ident = gitdata.stem(path)
        ident = renames.get(ident, ident)
        for doc in [docs[ident]] if ident in docs else [docs[i] for i in added]:
            found.append(doc.finding(("id",), "TR200",
                                     f"cannot compare with the base: {escaped(path)} does "
                                     f"not load there ({escaped(why)}), so corrections "
                                     "in this file are unchecked",
                                     "fix the file on the base branch first, or compare with a "
                                     "revision where it loads"))
    return found


def domain_findings(root: Path, base: str, result: Result) -> list[Finding]:
    """TR203: what widens an organisation's trust since the base (sources that become primary):
    a domain added, or its kind changed (an authority's domains are primary for everyone)."""
    before = files_at(root, base, ORGANISATIONS_DIR).data
    found = []
    for doc in result.valid("organisation"):
        ident, old = doc.data["id"], before.get(doc.data["id"], {})
        domains = old.get("domains")
        had = {str(d).lower() for d in domains} if isinstance(domains, list) else set()
        for i, domain in enumerate(doc.data["domains"]):
            if domain.lower() not in had:
                found.append(doc.finding(("domains", i), "TR203",
                                         f"{ident}: domain {domain} added since the base: sources "
                                         f"on it now count as primary for {doc.data['name']}",
                                         f"a reviewer must confirm that {ident} owns {domain}",
                                         severity="warning"))
        if old and old.get("kind") != doc.data["kind"]:
            found.append(doc.finding(("kind",), "TR203",
                                     f"{ident}: kind changed from {old.get('kind')} to "
                                     f"{doc.data['kind']} since the base",
                                     "a reviewer must confirm the change (an authority's sources "
                                     "count as primary for every offering)", severity="warning"))
    return found


def correction_findings(root: Path, base: str, result: Result,
                        warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> list[Finding]:
    """TR200-TR206 findings for the working tree against revision base (its merge base with HEAD)."""
    from .cli import UsageError

    try:
        commit = base_commit(root, base, warn)
        if commit is None:
            return []
        before = files_at(root, commit, OFFERINGS_DIR)
        renames = git_renames(root, commit, None)
        organisations = files_at(root, commit, ORGANISATIONS_DIR).data
        domains = domain_findings(root, commit, result) + basis_findings(root, commit)
    except gitdata.GitError as exc:
        raise UsageError(f"--base: {exc}") from None
    docs = {doc.data["id"]: doc for doc in result.valid("offering")}
    party = same_party(organisations, {d.data["id"]: d.data for d in result.valid("organisation")})
    diff = diff_registry(before.data, {i: d.data for i, d in docs.items()}, renames, party)
    found = _unloadable(docs, before, renames, diff.added) + domains
    on = today().isoformat()
    excerpt_read = excerpt_changes(root, commit)
    for change in diff.cells:
        if change.is_correction and change.old and change.new:
            found.extend(cell_findings(docs[change.offering], change, on, excerpt_read))
        found.extend(route_via_findings(docs[change.offering], change))
    return found


def same_party(before: dict[str, dict[str, Any]],
               now: dict[str, dict[str, Any]]) -> Callable[[Any, Any], bool]:
    """Whether an organisation id at the base and one now name one party: the same id, or
    organisations that share a domain (a duplicate organisation is no new party)."""

    def domains(org: Any) -> set[str]:
        listed = org.get("domains") if isinstance(org, dict) else None
        return {str(d).lower().rstrip(".") for d in listed} if isinstance(listed, list) else set()

    def same(old: Any, new: Any) -> bool:
        return old == new or bool(domains(before.get(old)) & domains(now.get(new)))

    return same

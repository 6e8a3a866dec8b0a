"""`trustreg check --base REV`: every corrected cell carries fresh evidence.

Compared with REV, a cell whose grade, caveat, evidence, facts, tier, route or default
changed needs a primary source that is new or re-retrieved (TR201) and a verified date
newer than REV's (TR202). A new offering needs a primary source for every cell graded
other than no_public_evidence or unclear: rule TR105, which check always runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import gitdata
from .checker import Result
from .findings import Finding, FindingError
from .loader import Document
from .migration import migrate
from .primary_basis import basis_findings
from .semdiff import CellChange, diff_cell


def offerings_at(root: Path, rev: str) -> dict[str, dict[str, Any]]:
    """Offering id -> data at a revision; files that do not load there are left out."""
    found: dict[str, dict[str, Any]] = {}
    with gitdata.Blobs(root) as blobs:
        for path, blob in sorted(gitdata.tree_blobs(root, rev).items()):
            try:
                data = gitdata.load_blob(blobs, blob, path).data
            except FindingError:
                continue
            if isinstance(data, dict) and isinstance(data.get("id"), str):
                found.setdefault(data["id"], migrate(data))  # a format change is no correction
    return found


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


def _what(change: CellChange) -> str:
    old, new = change.old.get("status"), change.new.get("status")
    if old != new:
        return f"grade changed {old} -> {new}"
    return "changed " + ", ".join(f for f in change.fields if f in (
        "caveat", "evidence", "facts", "tier", "route", "default"))


def cell_findings(doc: Document, change: CellChange) -> list[Finding]:
    where = ("cells", change.dimension)
    name = f"{change.offering}/{change.dimension}"
    old_verified = change.old.get("verified", "")
    found = []
    if not change.fresh_primary_sources:
        found.append(doc.finding((*where, "sources"), "TR201",
                                 f"{name}: {_what(change)} without a new or re-retrieved primary source",
                                 f"add a role: primary source, or re-read one and set its retrieved "
                                 f"after {old_verified or 'the base'}"))
    if not change.new.get("verified", "") > old_verified:
        found.append(doc.finding((*where, "verified"), "TR202",
                                 f"{name}: {_what(change)} but verified is not newer than the "
                                 f"base's {old_verified}",
                                 "set verified to the date you checked the new evidence"))
    return found


def correction_findings(root: Path, base: str, result: Result) -> list[Finding]:
    """TR201/TR202 findings for the working tree's valid offerings against revision base."""
    from .cli import UsageError

    try:
        rev = gitdata.resolve(root, base)
        before = offerings_at(root, rev)
    except gitdata.GitError as exc:
        if not gitdata.is_repository(root):
            raise UsageError(f"--base: {root} is not in a git repository") from None
        if base == "HEAD" and not gitdata.has_commits(root):
            return []  # the first commit: every offering is new, and TR105 covers new ones
        raise UsageError(f"--base: {exc}") from None
    found: list[Finding] = []
    for doc in result.valid("offering"):
        old = before.get(doc.data["id"])
        if old is None:
            continue
        for dim, cell in doc.data["cells"].items():
            change = diff_cell(doc.data["id"], dim, (old.get("cells") or {}).get(dim) or {}, cell)
            if change and change.is_correction and (old.get("cells") or {}).get(dim):
                found.extend(cell_findings(doc, change))
    return found + basis_findings(root, rev, result)

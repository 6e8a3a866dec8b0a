"""Dates a build stamps on its outputs: the build date and when each offering file last changed.

The build date is SOURCE_DATE_EPOCH when set (reproducible builds), else the date of the commit
built, else (no commit, or one dated past 9999) the newest verified date, else the newest draft
date, else (a registry with no cells outside git) today, and the stamp says which it is. An
offering's `modified` date is the last commit that changed its own file path; a commit whose date
no output can write is reported and leaves the date unknown, as history cannot be rewritten.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .. import gitdata
from ..model import Cell, Registry
from ..workspace import OFFERINGS_DIR, escaped, offering_files


class StampError(ValueError):
    """SOURCE_DATE_EPOCH is not a whole number of seconds from 1970 to 9999."""


@dataclass(frozen=True)
class Modified:
    """When an offering's file last changed in git; `at` is None outside git, with `note` saying why."""

    at: str | None
    commit: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Stamps:
    generated: str  # YYYY-MM-DD
    generated_from: str  # "SOURCE_DATE_EPOCH", "commit <sha>" or "newest verified date"
    stale_after_days: int
    modified: dict[str, Modified] = field(default_factory=dict)

    def age(self, cell: Cell) -> int | None:
        """Days between the cell's verified date and the build date; None for a draft."""
        if cell.verified is None:
            return None
        return (date.fromisoformat(self.generated) - date.fromisoformat(cell.verified)).days

    def is_stale(self, cell: Cell) -> bool:
        """Verified longer ago than stale_after_days (a draft was never verified: not stale)."""
        age = self.age(cell)
        return age is not None and age > self.stale_after_days

    def modified_of(self, offering_id: str) -> Modified:
        return self.modified.get(offering_id, Modified(None, note="not in git history"))


def utc(seconds: int | None) -> datetime | None:
    """The moment seconds since 1970 name, or None when there is none a date can write (past
    the year 9999, or no time at all)."""
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):  # past year 9999 (or the C library's limit)
        return None


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_moment(root: Path, warn: Callable[[str], None] = lambda m: None,
                 ) -> tuple[datetime | None, str]:
    """The moment the build stands for, and where it comes from (None: no commit dates it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        digits = epoch.strip()
        moment = utc(int(digits)) if digits.isascii() and digits.isdigit() and len(digits) < 20 else None
        if moment is None:
            raise StampError(f"SOURCE_DATE_EPOCH={escaped(epoch[:40])!r} is not a whole number of "
                             "seconds from 1970-01-01 to 9999-12-31; unset it or give e.g. "
                             "$(git log -1 --format=%ct)")
        return moment, "SOURCE_DATE_EPOCH"
    if gitdata.has_commits(root):
        sha = gitdata.resolve(root, "HEAD")
        moment = utc(gitdata.parse_commit(sha, gitdata.git(root, "cat-file", "commit", sha)).committed)
        if moment is not None:
            return moment, f"commit {sha}"
        warn(f"warning: commit {sha[:10]} has no committer date up to 9999: the build is dated "
             "as one outside git (set SOURCE_DATE_EPOCH to choose)")
    return None, "newest verified date"


def modified_dates(root: Path, paths: dict[str, str],
                   warn: Callable[[str], None] = lambda m: None) -> dict[str, Modified]:
    """Offering id -> the last commit that changed its file, in one walk of history.

    paths maps each offering's file (offerings/ID.yaml) to its id; only a change to that exact
    path counts, so no other file's name (in a sub-folder, or holding a newline) stands in.
    """
    if not gitdata.has_commits(root):
        return {}
    commits = gitdata.git(root, "rev-list", "HEAD", "--", f"{OFFERINGS_DIR}/").decode().split()
    found: dict[str, Modified] = {}
    with gitdata.Blobs(root) as blobs:
        for sha, changes in gitdata.changes_of(root, commits):
            touched = {paths[p] for c in changes for p in (c.old_path, c.new_path) if p in paths}
            if not touched - set(found):
                continue
            moment = utc(gitdata.parse_commit(sha, blobs.read(sha, b"commit")).committed)
            if moment is None:
                warn(f"warning: commit {sha[:10]} has no readable committer date: the offerings "
                     "it changed last get no modified date")
            for ident in touched - set(found):
                found[ident] = (Modified(iso(moment), sha) if moment else
                                Modified(None, sha, note="its last commit has no readable date"))
    return found


def undated_build(registry: Registry) -> tuple[str, str]:
    """The date of a build from no commit: the newest verified date, else draft date, else today."""
    cells = [c for o in registry.offerings.values() for c in o.cells.values()]
    verified = max((c.verified for c in cells if c.verified), default=None)
    if verified:
        return verified, "newest verified date"
    drafted = max((c.draft.date for c in cells if c.draft), default=None)
    if drafted:
        return drafted, "newest draft date"
    from ..checker import today

    return today().isoformat(), "today (no commit and no dated cell)"


def stamps(registry: Registry, warn: Callable[[str], None] = lambda m: None) -> Stamps:
    """The stamps for building this registry; what history holds amiss goes to warn."""
    moment, source = build_moment(registry.root, warn)
    if moment:
        generated = moment.date().isoformat()
    else:
        generated, source = undated_build(registry)
    if gitdata.has_commits(registry.root):
        if gitdata.is_shallow(registry.root):
            warn("warning: the git history is shallow: modified dates and changes.atom hold only "
                 "the commits fetched (`git fetch --unshallow` fetches the rest)")
        paths = {f"{OFFERINGS_DIR}/{file.name}": file.name.rsplit(".", 1)[0]
                 for file in offering_files(registry.root)}
        history = modified_dates(registry.root, paths, warn)
        modified = {i: history.get(i, Modified(None, note="not committed yet"))
                    for i in registry.offerings}
    else:
        modified = {i: Modified(None, note="built outside a git checkout") for i in registry.offerings}
    return Stamps(generated, source, registry.meta.stale_after_days, modified)


def as_of(registry: Registry, day: str) -> Stamps:
    """Stamps for a view of the data on a given day (no git dates), e.g. `query --format json`."""
    return Stamps(day, "today", registry.meta.stale_after_days)

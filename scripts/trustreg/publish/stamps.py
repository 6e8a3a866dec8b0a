"""Dates a build stamps on its outputs: the build date and when each offering file last changed.

The build date is SOURCE_DATE_EPOCH when set (reproducible builds), else the date of the commit
built, else (no commit) the newest verified date, else the newest draft date, else (a registry
with no cells outside git) today, and the stamp says which it is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .. import gitdata
from ..model import Cell, Registry
from ..workspace import OFFERINGS_DIR, escaped


class StampError(ValueError):
    """SOURCE_DATE_EPOCH is not a whole number of seconds from 1970 to 9999, or a commit is
    dated past 9999."""


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


def _utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def commit_moment(sha: str, seconds: int) -> datetime:
    """A commit's time; StampError when it is past what the outputs can write (year 9999)."""
    try:
        return _utc(seconds)
    except (OverflowError, OSError, ValueError):
        raise StampError(f"commit {sha[:12]} is dated {seconds} seconds after 1970-01-01, past "
                         "9999-12-31, which the published files cannot write; rewrite its date "
                         "(git commit --amend --date) before building") from None


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_moment(root: Path) -> tuple[datetime | None, str]:
    """The moment the build stands for, and where it comes from."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        moment = None
        if epoch.strip().isascii() and epoch.strip().isdigit() and len(epoch.strip()) < 20:
            try:
                moment = _utc(int(epoch))
            except (OverflowError, OSError, ValueError):  # past year 9999 (or the C library's limit)
                moment = None
        if moment is None:
            raise StampError(f"SOURCE_DATE_EPOCH={escaped(epoch[:40])!r} is not a whole number of "
                             "seconds from 1970-01-01 to 9999-12-31; unset it or give e.g. "
                             "$(git log -1 --format=%ct)")
        return moment, "SOURCE_DATE_EPOCH"
    if gitdata.has_commits(root):
        sha, seconds = gitdata.git(root, "log", "-1", "--format=%H %ct", "HEAD").decode().split()
        return commit_moment(sha, int(seconds)), f"commit {sha}"
    return None, "newest verified date"


def modified_dates(root: Path) -> dict[str, Modified]:
    """Offering id -> the last commit that changed offerings/<id>.yaml, in one walk of history."""
    if not gitdata.has_commits(root):
        return {}
    out = gitdata.git(root, "log", "--format=%x1e%H %ct", "--name-only", "-z", "HEAD", "--",
                      f"{OFFERINGS_DIR}/").decode("utf-8", "surrogateescape")
    found: dict[str, Modified] = {}
    for record in out.split("\x1e")[1:]:
        head, *names = [part for part in record.replace("\n", "\0").split("\0") if part]
        sha, seconds = head.split()
        for name in names:
            stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            if name.endswith((".yaml", ".yml")) and stem not in found:
                found[stem] = Modified(iso(commit_moment(sha, int(seconds))), sha)
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


def stamps(registry: Registry) -> Stamps:
    """The stamps for building this registry."""
    moment, source = build_moment(registry.root)
    if moment:
        generated = moment.date().isoformat()
    else:
        generated, source = undated_build(registry)
    if gitdata.has_commits(registry.root):
        history = modified_dates(registry.root)
        modified = {i: history.get(i, Modified(None, note="not committed yet"))
                    for i in registry.offerings}
    else:
        modified = {i: Modified(None, note="built outside a git checkout") for i in registry.offerings}
    return Stamps(generated, source, registry.meta.stale_after_days, modified)


def as_of(registry: Registry, day: str) -> Stamps:
    """Stamps for a view of the data on a given day (no git dates), e.g. `query --format json`."""
    return Stamps(day, "today", registry.meta.stale_after_days)

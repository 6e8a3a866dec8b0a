"""`trustreg build`: check, then write every output into a fresh folder and swap it in."""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .. import gitdata
from ..jsonschemas.common import SCHEMA_DIR
from ..model import Registry
from ..workspace import OFFERINGS_DIR, ORGANISATIONS_DIR, escaped
from .atom import write_atom
from .database import write_database
from .feed import offering_entries, write_feed
from .html import root_index
from .lines import write_lines
from .openapi import write_openapi
from .records import write_records
from .releases import write_release
from .site import write_site
from .stamps import stamps
from .tabular import write_tabular

MARKER = ".trustreg-build"  # in every folder the build made: only such a folder is ever replaced
MARKER_TEXT = ("Made by `trustreg build`, which replaces this whole folder on every build.\n"
               "The files it wrote, with their SHA-256 and size: a folder is the build's own only "
               "while it holds them all, unchanged.\n")
IGNORE = ".gitignore"  # "*" in a folder being built or removed: `git add -A` never takes it
_MARKER_LIMIT = 16 * 2**20
_DATA_DIRS = (OFFERINGS_DIR, ORGANISATIONS_DIR, SCHEMA_DIR)


class OutputRefused(Exception):
    """The output folder is a place the build must not replace (see refusal)."""


def write_all(registry: Registry, out: Path, warn: Callable[[str], None] = lambda m: None) -> None:
    stamped = stamps(registry, warn)
    entries = offering_entries(registry, stamped)
    write_feed(registry, stamped, out, entries)
    write_tabular(registry, stamped, out)
    write_lines(registry, entries, out)
    write_database(registry, stamped, entries, out)
    write_records(registry, stamped, out, entries)
    write_openapi(registry, out)
    write_atom(registry, stamped, out, warn)
    write_release(registry, stamped, out)
    write_site(registry, stamped, out / "site")
    (out / "index.html").write_text(root_index(registry), encoding="utf-8")
    changelog = registry.root / "CHANGELOG.md"
    if changelog.is_file() and not changelog.is_symlink():  # every page links it
        shutil.copyfile(changelog, out / "CHANGELOG.md")


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def listing(folder: Path) -> str:
    """The marker's list: `SHA-256  size  path` for each file below folder (but the marker and
    the build's .gitignore), by path."""
    files = sorted(name for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
                   and (name := p.relative_to(folder).as_posix()) not in (MARKER, IGNORE))
    return "".join(f"{_sha256(folder / name)}  {(folder / name).stat().st_size}  {name}\n"
                   for name in files)


def _not_ours(folder: Path, thorough: bool) -> str | None:
    """Why a non-empty folder is not one a build made (None: it is, as its marker proves; unless
    thorough, by names and sizes only)."""
    marker = folder / MARKER
    if marker.is_symlink() or not marker.is_file():
        return f"has no {MARKER} file, so trustreg build did not make it"
    with marker.open("rb") as handle:
        text = handle.read(_MARKER_LIMIT).decode("utf-8", "replace")
    listed = text.removeprefix(MARKER_TEXT).splitlines() if text.startswith(MARKER_TEXT) else []
    if not listed:
        return (f"has a {MARKER} file that lists no files (planted, or left by an older "
                "trustreg: remove the folder if a build made it)")
    for line in listed:
        digest, _, rest = line.partition("  ")
        size, _, name = rest.partition("  ")
        if not _holds(folder, name, size, digest if thorough else None):
            return (f"holds no file {escaped(name)!r} as its {MARKER} lists it: changed by hand, "
                    "or not made by trustreg build")
    return None


def _holds(folder: Path, name: str, size: str, digest: str | None) -> bool:
    """Whether folder holds a plain file at name (inside it) of this size and SHA-256 (when given)."""
    file = folder / name
    if "\0" in name or ".." in Path(name).parts or not Path(os.path.normpath(file)).is_relative_to(folder):
        return False
    try:
        return (file.is_file() and not file.is_symlink() and str(file.stat().st_size) == size
                and (digest is None or _sha256(file) == digest))
    except OSError:  # unreadable, or a name the system refuses
        return False


def _tracked(folder: Path) -> bool:
    """Whether git tracks any file in folder, in whichever repository holds it (a folder in no
    repository, or no git: no); that repository's fsmonitor hook is not run."""
    try:
        return bool(gitdata.git(folder, "-c", "core.fsmonitor=false", "ls-files", "-z", "--", "."))
    except gitdata.GitError:
        return False


def _locked(folder: Path) -> str | None:
    """A folder below (or at) folder whose entries this process cannot remove, if any."""
    for top, _dirs, _files in os.walk(folder):
        if not os.access(top, os.W_OK | os.X_OK):
            return top
    return None


def refuse_unsafe(registry_root: Path, dist: Path, thorough: bool = True) -> None:
    """Raise OutputRefused unless dist is a place a build may replace.

    That is a missing or empty folder, or one an earlier build made (its marker lists the files
    it holds); never a file, a link, the registry or a folder holding it, nor its data, nor a
    folder holding files git tracks, nor one holding folders the build could not remove.
    thorough=False compares the files' names and sizes with the marker, not their hashes: a
    quick look before the build, which looks again in full.
    """
    target, root = Path(os.path.normpath(dist.absolute())), registry_root.resolve()
    resolved = target.resolve()
    if target.is_symlink():
        problem = "is a symbolic link"
    elif resolved == root or resolved in root.parents:
        problem = "is the registry or a folder that holds it"
    elif resolved.is_relative_to(root) and resolved.relative_to(root).parts[0] in _DATA_DIRS:
        problem = "is inside the registry's data"
    elif target.exists() and not target.is_dir():
        problem = "is not a folder"
    elif target.is_dir() and _tracked(target):
        problem = "holds files tracked by git; the build replaces only its own untracked output"
    elif target.is_dir() and any(target.iterdir()) and (why := _not_ours(target, thorough)):
        problem = f"is not empty and {why}"
    elif target.is_dir() and (locked := _locked(target)):
        problem = (f"holds {escaped(locked)!r}, which is read-only, so the old output could not be "
                   "removed; make it writable (chmod -R u+w) or remove it")
    else:
        return
    raise OutputRefused(f"--out {escaped(str(dist))} {problem}; choose another folder")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


_STOPS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _stop(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _stoppable() -> Iterator[None]:
    """SIGTERM and SIGHUP raise SystemExit meanwhile (as Ctrl-C raises KeyboardInterrupt), so
    the build's clean-up runs when it is stopped; outside the main thread, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {number: signal.signal(number, _stop) for number in _STOPS}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


@contextmanager
def _held() -> Iterator[None]:
    """Signals wait meanwhile: a swap is not stopped half-way."""
    held = {*_STOPS, signal.SIGINT}
    can = hasattr(signal, "pthread_sigmask")
    if can:
        signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        if can:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def _ignored(folder: Path) -> None:
    (folder / IGNORE).write_text("*\n", encoding="utf-8")


def _swap(fresh: Path, dist: Path) -> Path | None:
    """Put fresh in dist's place; the old dist's folder to remove, git-ignored (None: none)."""
    (fresh / IGNORE).unlink()
    if not dist.exists():
        fresh.rename(dist)
        return None
    if _exchange(fresh, dist):
        old = fresh
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{dist.name}.old-", dir=dist.parent))
        _ignored(old)
        dist.rename(old / dist.name)
        try:
            fresh.rename(dist)
        except OSError:
            (old / dist.name).rename(dist)
            shutil.rmtree(old)
            (fresh / IGNORE).write_text("*\n", encoding="utf-8")
            raise
        return old
    with suppress(OSError):  # already refused when it could not be (refuse_unsafe)
        _ignored(old)
    return old


def build(registry: Registry, dist: Path, warn: Callable[[str], None] = lambda m: None) -> None:
    """Build into a temporary sibling of dist, then swap it in for dist.

    Readers see the old dist or the new one; a failed or stopped build (SIGTERM, SIGHUP,
    Ctrl-C) leaves the old one untouched and removes its own folder, which holds a `.gitignore`
    of "*" until the swap, so not even a killed build's folder is taken by `git add -A`.
    Files in dist that the build does not make (e.g. screenshots) are dropped.
    Raises OutputRefused (nothing written) when dist is not a folder the build may replace.
    """
    refuse_unsafe(registry.root, dist)
    dist = Path(os.path.normpath(dist.absolute()))
    dist.parent.mkdir(parents=True, exist_ok=True)
    with _stoppable():
        fresh = Path(tempfile.mkdtemp(prefix=f".{dist.name}.new-", dir=dist.parent))
        left: Path | None = fresh  # what to remove at the end, however it comes
        try:
            _ignored(fresh)
            write_all(registry, fresh, warn)
            (fresh / MARKER).write_text(MARKER_TEXT + listing(fresh), encoding="utf-8")
            fresh.chmod(0o755)
            with _held():
                left = _swap(fresh, dist)
        finally:
            if left is not None:
                with _held():  # not stopped half-way: the .gitignore may go first
                    shutil.rmtree(left, ignore_errors=True)
    if left is not None and left.exists():
        warn(f"warning: built {escaped(str(dist))}, but the old output left in "
             f"{escaped(str(left))} could not be removed: remove it by hand")

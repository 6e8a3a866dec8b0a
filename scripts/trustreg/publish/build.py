"""`trustreg build`: check, then write every output into a fresh folder and swap it in."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path

from ..model import Registry
from ..schemas import SCHEMA_DIR
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
MARKER_TEXT = "Made by `trustreg build`, which replaces this whole folder on every build.\n"
_DATA_DIRS = (OFFERINGS_DIR, ORGANISATIONS_DIR, SCHEMA_DIR)


class OutputRefused(Exception):
    """The output folder is a place the build must not replace (see refusal)."""


def write_all(registry: Registry, out: Path) -> None:
    stamped = stamps(registry)
    entries = offering_entries(registry, stamped)
    write_feed(registry, stamped, out, entries)
    write_tabular(registry, stamped, out)
    write_lines(registry, entries, out)
    write_database(registry, stamped, entries, out)
    write_records(registry, stamped, out, entries)
    write_openapi(registry, out)
    write_atom(registry, stamped, out)
    write_release(registry, stamped, out)
    write_site(registry, stamped, out / "site")
    (out / "index.html").write_text(root_index(registry), encoding="utf-8")
    changelog = registry.root / "CHANGELOG.md"
    if changelog.is_file() and not changelog.is_symlink():  # every page links it
        shutil.copyfile(changelog, out / "CHANGELOG.md")
    (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def refuse_unsafe(registry_root: Path, dist: Path) -> None:
    """Raise OutputRefused unless dist is a place a build may replace.

    That is a missing or empty folder, or one an earlier build made (it holds the marker
    file); never a file, a link, the registry or a folder holding it, nor its data.
    """
    target, root = Path(os.path.normpath(dist.absolute())), registry_root.resolve()
    resolved, marker = target.resolve(), target / MARKER
    if target.is_symlink():
        problem = "is a symbolic link"
    elif resolved == root or resolved in root.parents:
        problem = "is the registry or a folder that holds it"
    elif resolved.is_relative_to(root) and resolved.relative_to(root).parts[0] in _DATA_DIRS:
        problem = "is inside the registry's data"
    elif target.exists() and not target.is_dir():
        problem = "is not a folder"
    elif target.is_dir() and not (marker.is_file() and not marker.is_symlink()) and any(target.iterdir()):
        problem = f"is not empty and has no {MARKER} file, so trustreg build did not make it"
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


def build(registry: Registry, dist: Path) -> None:
    """Build into a temporary sibling of dist, then swap it in for dist.

    Readers see the old dist or the new one; a failed build leaves the old one untouched.
    Files in dist that the build does not make (e.g. screenshots) are dropped.
    Raises OutputRefused (nothing written) when dist is not a folder the build may replace.
    """
    refuse_unsafe(registry.root, dist)
    dist = Path(os.path.normpath(dist.absolute()))
    dist.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{dist.name}.new-", dir=dist.parent))
    try:
        write_all(registry, fresh)
        fresh.chmod(0o755)
        if not dist.exists():
            fresh.rename(dist)
        elif _exchange(fresh, dist):
            shutil.rmtree(fresh)  # now the old dist
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{dist.name}.old-", dir=dist.parent))
            dist.rename(old / dist.name)
            fresh.rename(dist)
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise

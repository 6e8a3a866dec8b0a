"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .workspace import display, relative

LOCK_FILE = ".trustreg.lock"  # in the registry root; git ignores it


class OutsideRoot(OSError):
    """A folder on the way to the file is a link leading out of the checkout."""


def write_text(path: Path, text: str, *, durable: bool = True, root: Path | None = None) -> None:
    """Write text (UTF-8, LF) to path through a temporary file and a rename.

    durable=False skips the fsync, for files that may be lost but never seen half-written.
    With root, OutsideRoot (nothing written) when a link among path's folders leads out of root.
    """
    write_bytes(path, text.encode("utf-8"), durable=durable, root=root)


def write_bytes(path: Path, data: bytes, *, durable: bool = True, root: Path | None = None) -> None:
    if root is not None and relative(root, path) is None:
        raise OutsideRoot(errno.EXDEV, "a symbolic link among its folders leads out of the checkout",
                          display(root, path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the registry's write lock while reading, changing and replacing a data file, so two
    writers at the same moment (two `review`s of one cell) never lose a write. The lock file
    stays: deleting it would let a third writer lock a new file while the second holds the old."""
    import fcntl  # POSIX: the writers' lock

    with open(root / LOCK_FILE, "ab") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

"""`trustreg build`: check, then write every output into a fresh folder and swap it in."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..model import Registry
from .atom import write_atom
from .feed import offering_entries, write_feed
from .html import root_index
from .records import write_records
from .site import write_site
from .stamps import stamps
from .tabular import write_tabular


def write_all(registry: Registry, out: Path) -> None:
    stamped = stamps(registry)
    entries = offering_entries(registry, stamped)
    write_feed(registry, stamped, out, entries)
    write_tabular(registry, stamped, out)
    write_records(registry, stamped, out, entries)
    write_atom(registry, stamped, out)
    write_site(registry, stamped, out / "site")
    (out / "index.html").write_text(root_index(registry), encoding="utf-8")
    changelog = registry.root / "CHANGELOG.md"
    if changelog.is_file():  # every page links it
        shutil.copyfile(changelog, out / "CHANGELOG.md")


def build(registry: Registry, dist: Path) -> None:
    """Build into a temporary sibling of dist, then replace dist with it.

    Readers see the old dist or the new one; a failed build leaves the old one untouched.
    Files in dist that the build does not make (e.g. screenshots) are dropped.
    """
    dist = dist.absolute()
    dist.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{dist.name}.new-", dir=dist.parent))
    try:
        write_all(registry, fresh)
        fresh.chmod(0o755)
        if dist.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{dist.name}.old-", dir=dist.parent))
            dist.rename(old / dist.name)
            fresh.rename(dist)
            shutil.rmtree(old)
        else:
            fresh.rename(dist)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise

"""A content-hash cache of per-file check results, so unchanged files are not checked again.

An entry is keyed by the file's path and text and by a fingerprint of everything else a
per-file result depends on (tool version, vocabulary, schemas, registry metadata,
organisations, today's date, rule selection). Entries are JSON (never pickle: the cache
must not run code), written atomically, and a broken entry is just a miss. Only files
without errors are cached, so hostile input leaves nothing behind. The cache lives outside
the checkout ($TRUSTREG_CACHE_DIR, else $XDG_CACHE_HOME/trustreg, else ~/.cache/trustreg),
so that a pull request cannot commit entries that vouch for its own files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from . import __version__, atomic
from .findings import Finding
from .loader import Document, LazyDocument

FORMAT = "entry-2"  # bump when the layout of an entry changes
_FOLDER = re.compile(r"[0-9a-f]{24}")
_FIELDS = {"path": str, "line": int, "col": int, "code": str, "message": str, "hint": str,
           "severity": str}


def cache_root() -> Path:
    explicit = os.environ.get("TRUSTREG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "trustreg"


def fingerprint(parts: Iterable[str]) -> str:
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


class ResultCache:
    """Per-file results for one fingerprint, in their own folder (older folders are pruned)."""

    def __init__(self, root: Path, print_: str) -> None:
        self.folder = root / print_
        self.root = root
        self._pruned = False

    @staticmethod
    def key(display: str, text: str) -> str:
        return hashlib.sha256(f"{display}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str, path: str, text: str) -> tuple[LazyDocument, list[Finding]] | None:
        """The entry for a file, or None when there is none or it is not sound."""
        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            findings = [Finding(**f) for f in entry["findings"]]
            sound = entry["path"] == path and isinstance(entry["data"], dict) and all(
                type(getattr(f, name)) is kind for f in findings for name, kind in _FIELDS.items())
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return (LazyDocument(path, text, entry["data"]), findings) if sound else None

    def put(self, key: str, doc: Document, findings: list[Finding]) -> None:
        if any(f.severity == "error" for f in findings):
            return
        entry = {"path": doc.path, "data": doc.data, "findings": [asdict(f) for f in findings]}
        try:
            self._prune()
            atomic.write_text(self.folder / f"{key}.json", json.dumps(entry, ensure_ascii=False),
                              durable=False)
        except OSError:
            pass  # a cache that cannot be written is only slower

    def _prune(self) -> None:
        """Drop folders of other fingerprints: their entries can never be used again."""
        if self._pruned:
            return
        self._pruned = True
        if self.root.is_dir():  # only folders named like a fingerprint: the root may be shared
            for other in self.root.iterdir():
                if _FOLDER.fullmatch(other.name) and other != self.folder and not other.is_symlink():
                    shutil.rmtree(other, ignore_errors=True)

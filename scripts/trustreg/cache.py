"""A content-hash cache of per-file check results, so unchanged files are not checked again.

An entry is keyed by the file's path and text and by a fingerprint of everything else a
per-file result depends on: the code itself (a hash of the trustreg package's source files,
so a locally edited tool never replays another's results), the vocabulary, schemas, registry
metadata, organisations, today's date and rule selection. Entries are JSON (never pickle:
the cache must not run code), written atomically, and a broken entry is just a miss. Only
files without errors are cached, so hostile input leaves nothing behind.

An entry stands in for a file's data and findings, so it is authenticated: an HMAC-SHA256
under a secret key made on first use (`key` in the cache folder, mode 0600). An entry that is
planted, edited or moved to another file's name fails its MAC and is a miss. The key is bound
to its file (device, inode, change time), so a key copied or restored from elsewhere (a shared
or CI-restored cache) is a new key and vouches for nothing; a key that others can read or
write disables the cache, and so does a cache folder that is a symbolic link (it is never
followed). The cache lives outside the checkout ($TRUSTREG_CACHE_DIR, else
$XDG_CACHE_HOME/trustreg, else ~/.cache/trustreg).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import shutil
import stat
from collections.abc import Iterable
from dataclasses import asdict
from functools import cache
from pathlib import Path

from . import atomic
from .findings import Finding
from .loader import Document, LazyDocument

FORMAT = "entry-3"  # bump when the layout of an entry changes
PACKAGE = Path(__file__).resolve().parent
KEY_FILE = "key"
_FOLDER = re.compile(r"[0-9a-f]{24}")
_FIELDS = {"path": str, "line": int, "col": int, "code": str, "message": str, "hint": str,
           "severity": str}


def cache_root() -> Path:
    explicit = os.environ.get("TRUSTREG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "trustreg"


@cache
def code_digest(package: Path = PACKAGE) -> str:
    """A hash of the tool's own source: every file of the package but compiled ones."""
    digest = hashlib.sha256()
    for file in sorted(package.rglob("*")):
        if file.is_file() and "__pycache__" not in file.parts and file.suffix != ".pyc":
            digest.update(file.relative_to(package).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def fingerprint(parts: Iterable[str]) -> str:
    digest = hashlib.sha256(f"{code_digest()}\0{FORMAT}".encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


def secret(root: Path, *, make: bool) -> bytes | None:
    """This cache's MAC key (made when missing if make); None when there is none ours alone."""
    if root.is_symlink():  # entries would be written, and folders pruned, wherever it leads
        return None
    path = root / KEY_FILE
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        try:
            fd = os.open(path, flags)
        except FileNotFoundError:
            if not make:  # a run that writes no entry leaves no key behind either
                return None
            root.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                             0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(os.urandom(32))
            except FileExistsError:
                pass  # another run made it first
            fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            key = file.read(33)
    except OSError:
        return None
    private = os.name == "nt" or (info.st_uid == os.getuid() and not info.st_mode & 0o077)
    if not (stat.S_ISREG(info.st_mode) and private and len(key) == 32):
        return None
    bound = f"{info.st_dev}:{info.st_ino}:{info.st_ctime_ns}".encode()
    return hmac.new(key, bound, hashlib.sha256).digest()


class ResultCache:
    """Per-file results for one fingerprint, in their own folder (older folders are pruned)."""

    def __init__(self, root: Path, print_: str) -> None:
        self.folder = root / print_
        self.root = root
        self._pruned = False
        self._secret = secret(root, make=False)

    @staticmethod
    def key(display: str, text: str) -> str:
        return hashlib.sha256(f"{display}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def _mac(self, key: str, payload: bytes) -> bytes:
        assert self._secret is not None
        message = f"{self.folder.name}\0{key}\0".encode() + payload
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest().encode()

    def get(self, key: str, path: str, text: str) -> tuple[LazyDocument, list[Finding]] | None:
        """The entry for a file, or None when there is none, it is not authentic or not sound."""
        if self._secret is None:
            return None
        try:
            mac, _, payload = (self.folder / f"{key}.json").read_bytes().partition(b"\n")
            if not hmac.compare_digest(mac, self._mac(key, payload)):
                return None
            entry = json.loads(payload)
            findings = [Finding(**f) for f in entry["findings"]]
            sound = entry["path"] == path and isinstance(entry["data"], dict) and all(
                type(getattr(f, name)) is kind for f in findings for name, kind in _FIELDS.items())
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return (LazyDocument(path, text, entry["data"]), findings) if sound else None

    def put(self, key: str, doc: Document, findings: list[Finding]) -> None:
        if any(f.severity == "error" for f in findings):
            return
        if self._secret is None:
            self._secret = secret(self.root, make=True)
        if self._secret is None or self.folder.is_symlink():
            return
        entry = {"path": doc.path, "data": doc.data, "findings": [asdict(f) for f in findings]}
        payload = json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass")
        try:
            self._prune()
            atomic.write_bytes(self.folder / f"{key}.json", self._mac(key, payload) + b"\n" + payload,
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

"""Read the registry's files out of git: trees, blobs and first-parent history, via the git CLI."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import loader
from .findings import FindingError
from .workspace import OFFERINGS_DIR

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


class GitError(Exception):
    """git failed or the revision does not exist."""


def git(root: Path, *args: str, input_bytes: bytes | None = None) -> bytes:
    result = subprocess.run(["git", "-C", str(root), *args], input=input_bytes,
                            capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return result.stdout


def resolve(root: Path, rev: str) -> str:
    """The commit id a revision names; GitError when it names none."""
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"unknown revision {rev!r}") from None


def is_repository(root: Path) -> bool:
    """True when root is inside a git work tree."""
    try:
        git(root, "rev-parse", "--git-dir")
    except GitError:
        return False
    return True


def has_commits(root: Path) -> bool:
    """True when root is a git repository with at least one commit."""
    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    except GitError:
        return False
    return True


class Blobs:
    """Blob contents by id, through one long-lived `git cat-file --batch` process."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(["git", "-C", str(root), "cat-file", "--batch"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def read(self, blob: str) -> bytes:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(blob.encode() + b"\n")
        self.process.stdin.flush()
        header = self.process.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            raise GitError(f"no blob {blob}")
        data = self.process.stdout.read(int(header[2]))
        self.process.stdout.read(1)  # the newline after the contents
        return data

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()

    def __enter__(self) -> Blobs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def tree_blobs(root: Path, rev: str, folder: str = OFFERINGS_DIR) -> dict[str, str]:
    """Path -> blob id of the YAML files directly in folder at a revision."""
    out = git(root, "ls-tree", "-z", rev, "--", f"{folder}/")
    files = {}
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, path = entry.split(b"\t", 1)
        mode, kind, blob = meta.split()
        name = path.decode("utf-8", "surrogateescape")
        if kind == b"blob" and mode != b"120000" and name.endswith((".yaml", ".yml")):
            files[name] = blob.decode()
    return files


def load_blob(blobs: Blobs, blob: str, path: str) -> loader.Document:
    """Strictly load a YAML blob (FindingError when it does not load)."""
    raw = blobs.read(blob)
    if len(raw) > loader.MAX_BYTES:
        raise FindingError(loader.Finding(path, 1, 1, "TR001", "file is over the size limit",
                                          "trim the file"))
    return loader.loads(loader.decode(raw, path), path)


@dataclass
class FileChange:
    """One file changed by a commit, as git's raw diff reports it (renames detected)."""

    status: str  # A, M, D or R
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None


@dataclass
class Commit:
    sha: str
    parents: list[str]
    author_name: str
    author_email: str
    date: str
    message: str
    changes: list[FileChange] = field(default_factory=list)


_FORMAT = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%as%x1f%B%x1f"


def first_parent_history(root: Path, rev: str = "HEAD",
                         folder: str = OFFERINGS_DIR) -> Iterator[Commit]:
    """Commits from the first to rev along first parents, with their changes under folder.

    A merge is diffed against its first parent, so a merged pull request counts as one change.
    """
    out = git(root, "log", "--first-parent", "--reverse", "--diff-merges=first-parent", "-M",
              "--raw", "-z", "--no-abbrev", f"--format={_FORMAT}", rev, "--", f"{folder}/")
    for record in out.split(b"\x1e")[1:]:
        head, _, raw = record.rpartition(b"\x1f")
        commit = _commit(head)
        commit.changes = list(_raw_changes(raw))
        yield commit


def _commit(head: bytes) -> Commit:
    """A commit from the fields of one `_FORMAT` record."""
    sha, parents, name, email, day, message = head.decode("utf-8", "replace").split("\x1f")
    return Commit(sha, parents.split(), name, email, day, message)


def _raw_changes(raw: bytes) -> Iterator[FileChange]:
    parts = raw.lstrip(b"\n\0").split(b"\0")
    i = 0
    while i < len(parts) and parts[i].startswith(b":"):
        _old_mode, _new_mode, old_blob, new_blob, status = parts[i][1:].decode().split()
        kind = status[0]
        if kind in "RC":
            old_path, new_path = parts[i + 1].decode(), parts[i + 2].decode()
            i += 3
        else:
            path = parts[i + 1].decode()
            old_path, new_path = (None if kind == "A" else path), (None if kind == "D" else path)
            i += 2
        zero = "0" * 40
        yield FileChange("R" if kind in "RC" else kind, old_path, new_path,
                         None if old_blob == zero else old_blob,
                         None if new_blob == zero else new_blob)


def merged_commits(root: Path, merge: Commit) -> list[Commit]:
    """The commits a merge brought in (those reachable from its other parents only)."""
    if len(merge.parents) < 2:
        return []
    out = git(root, "log", f"--format={_FORMAT}", f"^{merge.parents[0]}", *merge.parents[1:])
    return [_commit(record.rpartition(b"\x1f")[0]) for record in out.split(b"\x1e")[1:]]


def release_tags(root: Path, pattern: str = "[0-9][0-9][0-9][0-9].[0-9][0-9].[0-9][0-9]") -> dict[str, str]:
    """Commit id -> tag name, for date-named release tags."""
    out = git(root, "for-each-ref", "--format=%(refname:short)%09%(*objectname)%09%(objectname)",
              f"refs/tags/{pattern}").decode()
    tags = {}
    for line in sorted(out.splitlines()):
        name, peeled, direct = line.split("\t")
        tags[peeled or direct] = name
    return tags


def renamed_ids(root: Path, base: str, target: str | None, old: dict[str, dict[str, Any]],
                new: dict[str, dict[str, Any]], folder: str = OFFERINGS_DIR) -> dict[str, str]:
    """Old id -> new id for offering files git sees as renamed (file names are ids, TR101)."""
    args = ["diff", "-M", "--name-status", "-z", base, *([target] if target else []), "--", f"{folder}/"]
    parts = git(root, *args).split(b"\0")
    paths: list[tuple[str, str]] = []
    i = 0
    while i < len(parts) - 1:
        status = parts[i].decode()
        if status.startswith(("R", "C")):
            paths.append((parts[i + 1].decode(), parts[i + 2].decode()))
            i += 3
        else:
            i += 2
    return {_stem(a): _stem(b) for a, b in paths if _stem(a) in old and _stem(b) in new}


def _stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]

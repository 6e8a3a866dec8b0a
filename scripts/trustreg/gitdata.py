"""Read the registry's files out of git: trees, blobs and first-parent history, via git plumbing.

Everything git prints here is NUL-separated or length-prefixed (`ls-tree -z`, `diff-tree -z`,
`cat-file --batch`): no byte of a commit message or a file name can be mistaken for a separator.
"""

from __future__ import annotations

import codecs
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import loader
from .findings import FindingError
from .workspace import OFFERINGS_DIR

_OID = re.compile(rb"[0-9a-f]{40}|[0-9a-f]{64}")


class GitError(Exception):
    """git failed or the revision does not exist."""


class GitMissing(GitError):
    """There is no git to run."""


def _missing(exc: OSError) -> GitMissing:
    return GitMissing(f"cannot run git ({exc.strerror or exc}): install git or put it on PATH")


def git(root: Path, *args: str, input_bytes: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], input=input_bytes,
                                capture_output=True, check=False)
    except OSError as exc:
        raise _missing(exc) from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return result.stdout


def path_text(raw: bytes) -> str:
    """A path as git stores it (any bytes), as text: undecodable bytes kept as surrogates."""
    return raw.decode("utf-8", "surrogateescape")


def try_git(root: Path, *args: str) -> str | None:
    """git's output as text, or None when git fails (no git at all still raises GitMissing)."""
    try:
        return git(root, *args).decode("utf-8", "replace").strip()
    except GitMissing:
        raise
    except GitError:
        return None


def resolve(root: Path, rev: str) -> str:
    """The commit id a revision names; GitError when it names none."""
    found = None if not rev.strip() or rev.startswith("-") else try_git(
        root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if not found:
        raise GitError(f"unknown revision {rev!r}")
    return found


def merge_base(root: Path, one: str, other: str) -> str | None:
    """The best common ancestor of two commits, or None when they share no history."""
    return try_git(root, "merge-base", one, other) or None


def default_branch(root: Path) -> str | None:
    """Where branches start: origin/HEAD's branch, else the upstream, else main or master."""
    for args in (("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"),
                 ("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")):
        name = try_git(root, *args)
        if name:
            return name
    return next((name for name in ("origin/main", "origin/master", "main", "master")
                 if try_git(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")), None)


def current_branch(root: Path) -> str | None:
    """The checked-out branch's short name; None when HEAD is detached."""
    return try_git(root, "symbolic-ref", "--quiet", "--short", "HEAD") or None


def is_repository(root: Path) -> bool:
    """True when root is inside a git work tree."""
    return try_git(root, "rev-parse", "--git-dir") is not None


def has_commits(root: Path) -> bool:
    """True when root is a git repository with at least one commit."""
    return try_git(root, "rev-parse", "--verify", "--quiet", "HEAD") is not None


def is_shallow(root: Path) -> bool:
    """True in a shallow clone, whose history stops short of the first commit."""
    return git(root, "rev-parse", "--is-shallow-repository").strip() == b"true"


class Blobs:
    """Objects by id, through one long-lived `git cat-file --batch` process (length-prefixed)."""

    def __init__(self, root: Path) -> None:
        try:
            self.process = subprocess.Popen(["git", "-C", str(root), "cat-file", "--batch"],
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        except OSError as exc:
            raise _missing(exc) from None

    def read(self, oid: str, kind: bytes = b"blob") -> bytes:
        assert self.process.stdin and self.process.stdout
        if not _OID.fullmatch(oid.encode()):
            raise GitError(f"not an object id: {oid!r}")
        self.process.stdin.write(oid.encode() + b"\n")
        self.process.stdin.flush()
        header = self.process.stdout.readline().split()
        if len(header) < 3:
            raise GitError(f"no {kind.decode()} {oid}")
        data = self.process.stdout.read(int(header[2]))
        self.process.stdout.read(1)  # the newline after the contents
        if header[1] != kind:
            raise GitError(f"no {kind.decode()} {oid}")
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
        name = path_text(path)
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
    message: str
    changes: list[FileChange] = field(default_factory=list)
    committed: int | None = None  # committer time, seconds since 1970; None when unreadable
    problem: str | None = None  # what is wrong with the commit object, for a warning


# codecs Python counts as text encodings that are no character set: each turns plain ASCII into
# other characters (idna, punycode, escapes, utf-7) or refuses everything (undefined)
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7",
                           "undefined"})


def charset(label: str) -> str | None:
    """The codec a commit's `encoding` header names, or None when it names no character set."""
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def _decode(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding, "replace")
    except (UnicodeError, LookupError, ValueError):  # a codec that fails on any input
        return raw.decode("utf-8", "replace")


def _seconds(value: bytes) -> int | None:
    """The time of an `author`/`committer` header value (`name <email> seconds zone`)."""
    words = value.rpartition(b">")[2].split()
    return int(words[0]) if words and words[0].isdigit() and len(words[0]) < 20 else None


def parse_commit(sha: str, raw: bytes) -> Commit:
    """A commit from its raw object: headers up to the first blank line, then the message.

    Whatever the object holds, this returns a commit: an `encoding` header naming no character
    set is read as UTF-8, an unreadable time is None, and `problem` says what was wrong.
    """
    head, _, body = raw.partition(b"\n\n")
    parents: list[str] = []
    author, committer, label = b"", b"", None
    for line in head.split(b"\n"):
        word, _, value = line.partition(b" ")
        if word == b"parent":
            parents.append(value.decode("ascii", "replace"))
        elif word == b"author" and not author:
            author = value
        elif word == b"committer" and not committer:
            committer = value
        elif word == b"encoding" and label is None:
            label = value.decode("ascii", "replace").strip()
    encoding = charset(label) if label is not None else "utf-8"
    problem = None
    if encoding is None:
        encoding, problem = "utf-8", (f"its encoding header names {label!r}, which is no "
                                      "character set: read as UTF-8")
    name, _, rest = author.partition(b"<")
    email = rest.rpartition(b">")[0]
    return Commit(sha, parents, _decode(name, encoding).strip(), _decode(email, encoding).strip(),
                  _decode(body, encoding), committed=_seconds(committer), problem=problem)


def first_parent_history(root: Path, blobs: Blobs, order: list[str],
                         folder: str = OFFERINGS_DIR) -> Iterator[Commit]:
    """The commits of order (first parents, oldest first) that change folder, with their changes.

    A merge is diffed against its first parent, so a merged pull request counts as one change.
    """
    lines = [f"{sha} {parent}" if parent else sha
             for sha, parent in zip(order, [None, *order[:-1]], strict=True)]
    for sha, changes in changes_of(root, lines, folder):
        commit = parse_commit(sha, blobs.read(sha, b"commit"))
        commit.changes = changes
        yield commit


def changes_of(root: Path, lines: list[str], folder: str = OFFERINGS_DIR,
               ) -> Iterator[tuple[str, list[FileChange]]]:
    """(commit id, its changes under folder) for each `diff-tree --stdin` line that changes it:
    "SHA" (against its first parent) or "SHA PARENT". File names are read NUL-separated and by
    position, so no name can pose as a commit or another file."""
    out = git(root, "diff-tree", "--stdin", "--root", "-r", "-z", "-M", "--raw", "--no-abbrev",
              "--", f"{folder}/", input_bytes="".join(f"{line}\n" for line in lines).encode())
    yield from _diff_records(out)


def first_parents(root: Path, rev: str) -> list[str]:
    """Commit ids from the first to rev, along first parents."""
    return git(root, "rev-list", "--first-parent", "--reverse", rev, "--").decode().split()


def _diff_records(out: bytes) -> Iterator[tuple[str, list[FileChange]]]:
    """(commit id, changes) from `diff-tree --stdin -z --raw` output."""
    parts = out.split(b"\0")
    sha: str | None = None
    changes: list[FileChange] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part.startswith(b":"):
            _old_mode, _new_mode, old_blob, new_blob, status = part[1:].decode().split()
            kind = status[0]
            if kind in "RC":
                old_path, new_path = path_text(parts[i + 1]), path_text(parts[i + 2])
                i += 3
            else:
                path = path_text(parts[i + 1])
                old_path, new_path = (None if kind == "A" else path), (None if kind == "D" else path)
                i += 2
            zero = "0" * len(old_blob)
            changes.append(FileChange("R" if kind in "RC" else kind, old_path, new_path,
                                      None if old_blob == zero else old_blob,
                                      None if new_blob == zero else new_blob))
            continue
        if _OID.fullmatch(part):
            if sha:
                yield sha, changes
            sha, changes = part.decode(), []
        i += 1
    if sha:
        yield sha, changes


def merged_commits(root: Path, merge: Commit, blobs: Blobs) -> list[Commit]:
    """The commits a merge brought in (those reachable from its other parents only)."""
    if len(merge.parents) < 2:
        return []
    out = git(root, "rev-list", f"^{merge.parents[0]}", *merge.parents[1:], "--")
    return [parse_commit(sha, blobs.read(sha, b"commit")) for sha in out.decode().split()]


def release_tags(root: Path, pattern: str = "[0-9][0-9][0-9][0-9].[0-9][0-9].[0-9][0-9]") -> dict[str, str]:
    """Commit id -> tag name, for date-named release tags."""
    out = git(root, "for-each-ref", "--format=%(refname:short)%09%(*objectname)%09%(objectname)",
              f"refs/tags/{pattern}").decode("utf-8", "replace")  # ref names hold no tab or newline
    tags = {}
    for line in sorted(out.splitlines()):
        name, peeled, direct = line.split("\t")
        tags[peeled or direct] = name
    return tags


def renamed_paths(root: Path, base: str, target: str | None,
                  folder: str = OFFERINGS_DIR) -> list[tuple[str, str]]:
    """(old path, new path) of files under folder that git sees as renamed from base to target."""
    args = ["diff", "-M", "--name-status", "-z", base, *([target] if target else []), "--", f"{folder}/"]
    parts = git(root, *args).split(b"\0")
    paths: list[tuple[str, str]] = []
    i = 0
    while i < len(parts) - 1:
        status = parts[i].decode("ascii", "replace")
        if status.startswith(("R", "C")):
            paths.append((path_text(parts[i + 1]), path_text(parts[i + 2])))
            i += 3
        else:
            i += 2
    return paths


def stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]

"""Real git repositories in temporary folders, for tests of git-driven code."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from trustreg import loader
from trustreg.fmt import dump

ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "HOME": os.devnull,
       "GIT_AUTHOR_DATE": "2026-11-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-01T12:00:00Z"}

PERSON = {"GIT_AUTHOR_NAME": "Alice Example", "GIT_AUTHOR_EMAIL": "alice@example.org",
          "GIT_COMMITTER_NAME": "Alice Example", "GIT_COMMITTER_EMAIL": "alice@example.org"}


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")
        ignore = root / ".gitignore"
        if not ignore.exists():  # as a checkout ignores it: a build never replaces a tracked folder
            ignore.write_text("/dist/\n", encoding="utf-8")

    def git(self, *args: str, author: str = "Alice Example <alice@example.org>") -> str:
        name, email = author[:-1].split(" <")
        env = {**os.environ, **ENV, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
               "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
        return subprocess.run(["git", "-C", str(self.root), *args], env=env, check=True,
                              capture_output=True, text=True).stdout

    def commit(self, message: str, author: str = "Alice Example <alice@example.org>") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, author=author)
        return self.git("rev-parse", "HEAD").strip()

    def offering(self, ident: str = "cohere-api") -> dict:
        return loader.load(self.root / "offerings" / f"{ident}.yaml").data

    def write(self, data: dict, ident: str | None = None) -> None:
        name = ident or data["id"]
        (self.root / "offerings" / f"{name}.yaml").write_text(dump(data), encoding="utf-8")

    def plumb(self, *args: str, data: bytes | None = None, env: dict[str, str] | None = None) -> bytes:
        """git plumbing with bytes in and out (names and objects git commit would refuse)."""
        return subprocess.run(["git", "-C", str(self.root), *args], input=data, check=True,
                              capture_output=True, env={**os.environ, **ENV, **PERSON, **(env or {})}).stdout

    def plant(self, raw: bytes, ref: str = "HEAD") -> str:
        """A commit object written byte for byte (hash-object --literally) and set as ref."""
        sha = self.plumb("hash-object", "-t", "commit", "-w", "--stdin", "--literally", data=raw)
        self.git("update-ref", ref, sha.decode().strip())
        return sha.decode().strip()

    def rewrite_head(self, header: bytes = b"", committer_time: bytes | None = None) -> str:
        """HEAD again with a header line added (e.g. b"encoding rot13") or another committer time."""
        head, _, body = self.plumb("cat-file", "commit", "HEAD").partition(b"\n\n")
        lines = head.split(b"\n")
        if committer_time is not None:
            lines = [b" ".join([*line.split(b" ")[:-2], committer_time, b"+0000"])
                     if line.startswith(b"committer ") else line for line in lines]
        return self.plant(b"\n".join(lines + ([header] if header else [])) + b"\n\n" + body)

    def commit_files(self, message: str, files: dict[bytes, bytes | None]) -> str:
        """A commit on HEAD adding (or, for None, deleting) files whose names are any bytes, made
        with plumbing in a separate index; the work tree and its index are left as they are."""
        env = {"GIT_INDEX_FILE": str(self.root / ".git" / "crafted-index")}
        self.plumb("read-tree", "HEAD", env=env)
        info = b""
        for path, data in files.items():
            blob = self.plumb("hash-object", "-w", "--stdin", data=data).strip() if data is not None else None
            info += (b"100644 " + blob if blob else b"0 " + b"0" * 40) + b"\t" + path + b"\0"
        self.plumb("update-index", "-z", "--index-info", data=info, env=env)
        tree = self.plumb("write-tree", env=env).decode().strip()
        parent = self.git("rev-parse", "HEAD").strip()
        sha = self.plumb("commit-tree", tree, "-p", parent, "-m", message).decode().strip()
        self.git("update-ref", "HEAD", sha)
        self.git("reset", "-q")
        return sha

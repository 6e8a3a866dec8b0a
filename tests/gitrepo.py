"""Real git repositories in temporary folders, for tests of git-driven code."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from trustreg import loader
from trustreg.fmt import dump

ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "HOME": os.devnull,
       "GIT_AUTHOR_DATE": "2026-11-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-01T12:00:00Z"}


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")

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

    def offering(self, ident: str = "synthetic-api") -> dict:
        return loader.load(self.root / "offerings" / f"{ident}.yaml").data

    def write(self, data: dict, ident: str | None = None) -> None:
        name = ident or data["id"]
        (self.root / "offerings" / f"{name}.yaml").write_text(dump(data), encoding="utf-8")

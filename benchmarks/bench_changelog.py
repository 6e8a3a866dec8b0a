"""Time `trustreg changelog` over a synthetic history: 2,000 commits touching 500 offerings.

The history is written with `git fast-import` in a temporary folder (seconds, not minutes),
then the changelog is generated in a fresh process. Usage: python benchmarks/bench_changelog.py
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import run
from synthetic import make_registry
from trustreg import loader
from trustreg.fmt import canonical_text
from trustreg.vocabulary_file import load_vocabulary

ENV = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
PEOPLE = ["Alice Example <alice@example.org>", "Bob Ørsted <bob@example.org>",
          "Chloé Durand <chloe@example.org>", "Dana Contributor <dana@example.org>"]


def _data(text: str) -> bytes:
    raw = text.encode("utf-8")
    return b"data %d\n%s\n" % (len(raw), raw)


def make_history(root: Path, offerings: int = 500, commits: int = 2000, seed: int = 7) -> Path:
    """A git repo at root whose first commit adds the registry and each later one edits a cell."""
    tree = root.parent / (root.name + "-tree")
    make_registry(tree, offerings)
    vocab = load_vocabulary(tree)
    rng = random.Random(seed)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=ENV)
    stream = bytearray()
    files = sorted(p for p in tree.rglob("*") if p.is_file())
    stream += b"commit refs/heads/main\nmark :1\n"
    stream += b"committer Maintainer <maint@example.org> 1780000000 +0000\n"
    stream += _data("Add the synthetic registry")
    for file in files:
        stream += f"M 100644 inline {file.relative_to(tree).as_posix()}\n".encode()
        stream += _data(file.read_text(encoding="utf-8"))
    current = {f.name: loader.load(f).data for f in (tree / "offerings").glob("*.yaml")}
    names = sorted(current)
    for number in range(2, commits + 1):
        name = rng.choice(names)
        data = current[name]
        dim = rng.choice(list(data["cells"]))
        cell = data["cells"][dim]
        day = f"2026-11-{1 + number % 20:02d}"
        cell["verified"] = max(cell["verified"], day)
        if number % 3 == 0:  # a correction with a fresh primary source
            cell["caveat"] = f"Synthetic correction number {number}."
            if cell["status"] == "yes_public":
                cell["status"] = "partial"
            cell["sources"][0]["retrieved"] = cell["verified"]
        person = PEOPLE[number % len(PEOPLE)]
        stream += f"commit refs/heads/main\nmark :{number}\n".encode()
        stream += f"committer {person} {1780000000 + number * 60} +0000\n".encode()
        trailer = f"\n\nCo-authored-by: {PEOPLE[(number + 1) % len(PEOPLE)]}" if number % 5 == 0 else ""
        stream += _data(f"Update {name} {dim}{trailer}")
        stream += f"from :{number - 1}\n".encode()
        stream += f"M 100644 inline offerings/{name}\n".encode()
        stream += _data(canonical_text(data, "offering", vocab) or "")
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=bytes(stream),
                   check=True, env=ENV)
    subprocess.run(["git", "-C", str(root), "reset", "-q", "--hard", "main"], check=True, env=ENV)
    return root


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="trustreg-bench-") as tmp:
        root = make_history(Path(tmp) / "repo")
        count = subprocess.run(["git", "-C", str(root), "rev-list", "--count", "HEAD"],
                               capture_output=True, text=True, check=True).stdout.strip()
        result = run([sys.executable, "-m", "trustreg", "--root", root, "changelog"])
        lines = (root / "CHANGELOG.md").read_text(encoding="utf-8").count("\n")
    print(f"changelog over {count} commits touching 500 offerings: {result.seconds:.2f} s, "
          f"peak {result.peak_mib:.0f} MiB, {lines} lines (target < 30 s)")
    return result.status


if __name__ == "__main__":
    sys.exit(main())

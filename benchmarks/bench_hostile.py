"""Time `trustreg check` on each hostile input: every one must end in a finding, fast.

The corpus is tests/hostile/ plus the big inputs made here (20 MB, 10,000-deep, a flood of
60,000 unknown keys, a schema-valid offering of almost 1 MB of `[` that the old TR115 pattern
took an hour on). Each file is checked alone beside the registry's own data, in a fresh
process. Then every pattern over user text meets 1 MB inputs made to make a backtracking
pattern quadratic, timed in this process. Usage: python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from measure import Run, run
from trustreg import loader
from trustreg.changelog import _TRAILER
from trustreg.findings import safe
from trustreg.fmt import dump
from trustreg.quotes import _ELISION
from trustreg.rules.tr115_plain_text import markup
from trustreg.urls import url_problem

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "hostile"
TARGET = 2.0


def _huge(path: Path) -> None:
    line = "  " + "synthetic filler text " * 4 + "\n"
    path.write_text("id: huge\nsummary: >-\n" + line * (20_000_000 // len(line)), encoding="utf-8")


def _deep(path: Path) -> None:
    path.write_text("id: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")


def _flood(path: Path) -> None:
    path.write_text("id: flood\n" + "".join(f"k{i}: {i}\n" for i in range(60_000)), encoding="utf-8")


def _brackets(path: Path) -> None:
    """A schema-valid offering, as big as the size limit allows, of leads quoting `[`."""
    data = loader.load(REPO / "offerings" / "cohere-api.yaml").data
    data["id"] = path.stem
    lead = {"title": "Synthetic lead", "role": "lead", "quote": "[" * 2000}
    cells = list(data["cells"].values())
    for i in range(440):
        cells[i % len(cells)]["sources"].append(dict(lead))
    cells[-1]["sources"][-1]["quote"] = "[" * 1990 + "[x](y)"  # one link, at the very end
    path.write_text(dump(data), encoding="utf-8")


MADE: dict[str, Callable[[Path], None]] = {"20-mb.yaml": _huge, "10000-deep.yaml": _deep,
                                           "60000-keys.yaml": _flood, "1-mb-brackets.yaml": _brackets}
MB = 1_000_000
# pattern -> 1 MB inputs that a backtracking pattern would read again and again
PATTERNS: dict[str, tuple[Callable[[str], Any], list[str]]] = {
    "TR115 markup": (markup, ["[" * MB, "[" + "](" * (MB // 2), "\n[" * (MB // 2), "<" + " " * MB,
                              "data" + " " * MB, "<a" * (MB // 2), ("[" + "a" * 99 + "\n") * (MB // 100)]),
    "changelog trailer": (_TRAILER.findall, ["Co-authored-by: a" + " " * MB + "b",
                                             "Co-authored-by:" + " " * (MB // 2) + "a" * (MB // 2),
                                             "Co-authored-by: " + "a <" * (MB // 3)]),
    "finding text": (safe, ["k" * MB, "\u202e" * MB, "a " * (MB // 2)]),
    "quote elision": (_ELISION.split, [" " * MB, "[ " * (MB // 2), "[ . . " * (MB // 6)]),
    "URL": (url_problem, ["https://" + "a." * (MB // 2) + "com/", "https://x.com/" + "%" * MB]),
}
TARGET_PATTERN = 0.5


def time_each(tmp: Path, env: dict[str, str]) -> dict[str, Run]:
    """Each hostile file checked alone in a copy of the registry: name -> run."""
    runs = {}
    inputs = [*((p.name, p) for p in sorted(CORPUS.glob("*.yaml"))), *((name, None) for name in MADE)]
    for name, source in inputs:
        root = tmp / f"registry-{name}"
        root.mkdir()
        for part in ("registry.yaml", "schema", "organisations", "offerings"):
            (shutil.copytree if (REPO / part).is_dir() else shutil.copy2)(REPO / part, root / part)
        target = root / "offerings" / name
        if source:
            shutil.copyfile(source, target)
        else:
            MADE[name](target)
        runs[name] = run([sys.executable, "-m", "trustreg", "--root", root, "check", "--no-cache"],
                         env=env)
        shutil.rmtree(root)
    return runs


def time_patterns() -> dict[str, float]:
    """Slowest time of each pattern over its 1 MB inputs."""
    slowest = {}
    for name, (function, inputs) in PATTERNS.items():
        times = []
        for text in inputs:
            start = time.perf_counter()
            function(text)
            times.append(time.perf_counter() - start)
        slowest[name] = max(times)
    return slowest


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="trustreg-bench-") as tmp:
        env = {**os.environ, "TRUSTREG_CACHE_DIR": str(Path(tmp) / "cache"),
               "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(REPO / "scripts")}
        runs = time_each(Path(tmp), env)
    wrong = sorted(name for name, r in runs.items() if r.status != 1 or r.stderr.strip())  # findings: stdout
    slowest = max(runs, key=lambda name: runs[name].seconds)
    seconds = runs[slowest].seconds
    print(f"hostile inputs: {len(runs)} files, each alone: slowest {seconds:.2f} s ({slowest}), "
          f"peak {max(r.peak_mib for r in runs.values()):.0f} MiB; "
          f"{'all exit 1, nothing on stderr' if not wrong else 'WRONG EXIT OR STDERR: ' + ', '.join(wrong)}; "
          f"target < {TARGET:.0f} s: {'met' if seconds < TARGET and not wrong else 'MISSED'}")
    patterns = time_patterns()
    worst = max(patterns, key=patterns.__getitem__)
    print("patterns over 1 MB inputs: " + ", ".join(f"{k} {v:.3f} s" for k, v in patterns.items())
          + f"; slowest {patterns[worst]:.3f} s ({worst}); target < {TARGET_PATTERN} s: "
          + ("met" if patterns[worst] < TARGET_PATTERN else "MISSED"))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())

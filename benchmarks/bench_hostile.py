"""Time `trustreg check` on each hostile input: every one must end in a finding, fast.

The corpus is tests/hostile/ plus the big inputs made here (20 MB, 10,000-deep, a flood of
60,000 unknown keys). Each file is checked alone beside the registry's own data, in a fresh
process. Usage: python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Run, run

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


MADE: dict[str, Callable[[Path], None]] = {"20-mb.yaml": _huge, "10000-deep.yaml": _deep,
                                           "60000-keys.yaml": _flood}


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


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="trustreg-bench-") as tmp:
        env = {**os.environ, "TRUSTREG_CACHE_DIR": str(Path(tmp) / "cache"),
               "PYTHONDONTWRITEBYTECODE": "1"}
        runs = time_each(Path(tmp), env)
    wrong = sorted(name for name, r in runs.items() if r.status != 1 or "Traceback" in r.stderr)
    slowest = max(runs, key=lambda name: runs[name].seconds)
    seconds = runs[slowest].seconds
    print(f"hostile inputs: {len(runs)} files, each alone: slowest {seconds:.2f} s ({slowest}), "
          f"peak {max(r.peak_mib for r in runs.values()):.0f} MiB; "
          f"{'all exit 1 without traceback' if not wrong else 'WRONG EXIT: ' + ', '.join(wrong)}; "
          f"target < {TARGET:.0f} s: {'met' if seconds < TARGET and not wrong else 'MISSED'}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())

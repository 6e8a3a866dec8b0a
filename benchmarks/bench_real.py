"""Time `trustreg check` and `trustreg build` on this checkout's own registry (its real data).

The data parts (registry.yaml, schema/, organisations/, offerings/, excerpts/) are copied into a
temporary git repository with one commit, so the build reads history as on a clone; nothing is
written in the checkout. Prints one line of figures (run by benchmarks/run.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import best, run

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("registry.yaml", "schema", "organisations", "offerings", "excerpts")


def copy_registry(target: Path) -> int:
    """The checkout's registry as one commit in target; returns its number of offerings."""
    target.mkdir()
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.exists():
            shutil.copy2(source, target / part)
    git = ["git", "-C", str(target), "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "registry"], check=True)
    return len(list((target / "offerings").glob("*.yaml")))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="trustreg-bench-real-") as tmp:
        root = Path(tmp) / "registry"
        count = copy_registry(root)
        env = {**os.environ, "TRUSTREG_CACHE_DIR": str(Path(tmp) / "cache")}
        command = [sys.executable, "-m", "trustreg", "--root", str(root)]
        full = best([*command, "check", "--no-cache"], 3, env=env)
        if full.status != 0:
            raise SystemExit(f"the registry does not pass `trustreg check`:\n{full.stderr}")
        run([*command, "check"], env=env)  # fills the cache
        warm = best([*command, "check"], 3, env=env)
        built = best([*command, "build", "--out", str(Path(tmp) / "dist")], 3, env=env)
        if built.status != 0:
            raise SystemExit(f"`trustreg build` failed:\n{built.stderr}")
        print(f"real registry ({count} offerings): check {full.seconds:.2f} s (no cache), "
              f"{warm.seconds:.2f} s (warm cache), peak {full.peak_mib:.0f} MiB; "
              f"build {built.seconds:.2f} s, peak {built.peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()

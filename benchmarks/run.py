"""Print the registry tooling's figures: check, check-jsonschema, one changed file, build, changelog.

Usage: python benchmarks/run.py [--sizes 100,1000,10000]  (run by `nox -s bench`)
Synthetic registries are generated in a temporary folder, never in offerings/.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_changelog
from measure import best, run
from synthetic import make_registry

TARGETS = {"check_1000": 2.0, "ratio_1000": 5.0, "check_10000": 20.0, "mem_10000": 1024.0,
           "one_file": 0.5, "build_1000": 15.0}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor() or "unknown CPU")
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()}")


def trustreg(root: Path, *args: str) -> list[str | Path]:
    return [sys.executable, "-m", "trustreg", "--root", root, *args]


def bench_size(count: int, tmp: Path, env: dict[str, str]) -> dict[str, float]:
    root = make_registry(tmp / f"registry-{count}", count)
    files = sorted((root / "offerings").glob("*.yaml"))
    repeat = 3 if count <= 1000 else 1
    full = best(trustreg(root, "check", "--no-cache"), repeat, env=env)
    assert full.status == 0, full.stderr
    cold = run(trustreg(root, "check"), env=env)
    warm = best(trustreg(root, "check"), repeat, env=env)
    figures = {"check": full.seconds, "check_mib": full.peak_mib, "cold_cache": cold.seconds,
               "warm_cache": warm.seconds}
    print(f"N={count:>6}: trustreg check {full.seconds:6.2f} s, peak {full.peak_mib:5.0f} MiB "
          f"(no cache); with cache: first run {cold.seconds:.2f} s, unchanged tree "
          f"{warm.seconds:.2f} s")
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if tool:
        other = run([tool, "--schemafile", root / "schema" / "offering.schema.json", *files],
                    cwd=root, env=env)
        figures["check_jsonschema"] = other.seconds
        figures["ratio"] = other.seconds / full.seconds
        print(f"          check-jsonschema {other.seconds:6.2f} s, peak {other.peak_mib:5.0f} MiB "
              f"(exit {other.status}); trustreg is {figures['ratio']:.1f}x faster")
    else:
        print("          check-jsonschema: not installed (pip install -e '.[test]')")
    if count == 1000:
        changed = files[len(files) // 2]
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text.replace("confidence: high", "confidence: medium", 1), encoding="utf-8")
        one = best(trustreg(root, "check", changed), repeat, env=env)
        figures["one_file"] = one.seconds
        print(f"          one changed file in this tree (pre-commit case): {one.seconds:.2f} s")
        changed.write_text(text, encoding="utf-8")
        built = best(trustreg(root, "build"), repeat, env=env)
        assert built.status == 0, built.stderr
        figures["build"] = built.seconds
        print(f"          trustreg build (data.json, CSV, site): {built.seconds:.2f} s, "
              f"peak {built.peak_mib:.0f} MiB")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="trustreg-bench-") as tmp:
        env = {**os.environ, "TRUSTREG_CACHE_DIR": str(Path(tmp) / "cache")}
        for count in (int(s) for s in args.sizes.split(",")):
            results[count] = bench_size(count, Path(tmp), env)
    bench_changelog.main()
    if 1000 in results and 10000 in results:
        r1, r10 = results[1000], results[10000]
        print("targets: " + ", ".join([
            f"check 1,000 < 2 s: {'met' if r1['check'] < TARGETS['check_1000'] else 'MISSED'}",
            f">= 5x check-jsonschema: {'met' if r1.get('ratio', 0) >= TARGETS['ratio_1000'] else 'MISSED'}",
            f"10,000 < 20 s: {'met' if r10['check'] < TARGETS['check_10000'] else 'MISSED'}",
            f"< 1 GiB: {'met' if r10['check_mib'] < TARGETS['mem_10000'] else 'MISSED'}",
            f"one file < 0.5 s: {'met' if r1['one_file'] < TARGETS['one_file'] else 'MISSED'}",
            f"build 1,000 < 15 s: {'met' if r1['build'] < TARGETS['build_1000'] else 'MISSED'}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

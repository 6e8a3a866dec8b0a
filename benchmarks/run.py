"""Print the registry tooling's figures: check, check-jsonschema, one changed file, build, the
checkout's real registry, changelog, watch (1,000 sources on a loopback server), hostile pages
(dripping servers, a hostile PDF, pages at the size cap).

Usage: python benchmarks/run.py [--sizes 100,1000,10000]  (run by `nox -s bench`)
Synthetic registries are generated in a temporary folder, never in offerings/.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_hostile
from measure import best, run
from synthetic import make_registry

HERE = Path(__file__).resolve().parent
# name -> (limit, whether a figure below the limit meets it)
TARGETS = {"check 1,000 < 2 s": (2.0, True), ">= 5x check-jsonschema": (5.0, False),
           "check 10,000 < 20 s": (20.0, True), "10,000 peak < 1 GiB": (1024.0, True),
           "one file < 0.5 s": (0.5, True), "build 1,000 < 15 s": (15.0, True),
           "one-platform build <= 2.5x check": (2.5, True)}


def machine() -> str:
    info = Path("/proc/cpuinfo").read_text(encoding="utf-8") if Path("/proc/cpuinfo").exists() else ""
    cpu = next((line.split(":", 1)[1].strip() for line in info.splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores ({cpu}), {ram:.0f} GiB RAM, Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()}")


def trustreg(root: Path, *args: str | Path) -> list[str | Path]:
    return [sys.executable, "-m", "trustreg", "--root", root, *args]


def check_figures(root: Path, files: list[Path], repeat: int, env: dict[str, str]) -> dict[str, float]:
    """Full check without cache, then with a cold and a warm cache."""
    full = best(trustreg(root, "check", "--no-cache"), repeat, env=env)
    if full.status != 0:
        raise SystemExit(f"the synthetic registry does not pass `trustreg check`:\n{full.stderr}")
    shutil.rmtree(env["TRUSTREG_CACHE_DIR"], ignore_errors=True)
    cold = run(trustreg(root, "check"), env=env)
    warm = best(trustreg(root, "check"), repeat, env=env)
    print(f"N={len(files):>6}: trustreg check {full.seconds:6.2f} s, peak {full.peak_mib:5.0f} MiB "
          f"(no cache); with cache: first run {cold.seconds:.2f} s, unchanged tree {warm.seconds:.2f} s")
    return {"check": full.seconds, "check_mib": full.peak_mib}


def versus(root: Path, files: list[Path], seconds: float, env: dict[str, str]) -> dict[str, float]:
    """check-jsonschema on the same files and schema, in one call."""
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if not tool:
        print("          check-jsonschema: not installed (pip install -e '.[test]')")
        return {}
    other = run([tool, "--schemafile", root / "schema" / "offering.schema.json", *files], cwd=root, env=env)
    ratio = other.seconds / seconds
    print(f"          check-jsonschema {other.seconds:6.2f} s, peak {other.peak_mib:5.0f} MiB "
          f"(exit {other.status}); trustreg is {ratio:.1f}x faster")
    return {"ratio": ratio}


def one_file(root: Path, files: list[Path], repeat: int, env: dict[str, str]) -> dict[str, float]:
    """The pre-commit case: one file changed in the tree, checked by name."""
    changed = files[len(files) // 2]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("confidence: high", "confidence: medium", 1), encoding="utf-8")
    cached = best(trustreg(root, "check", changed), repeat, env=env)
    plain = best(trustreg(root, "check", "--no-cache", changed), repeat, env=env)
    changed.write_text(text, encoding="utf-8")
    print(f"          one changed file (pre-commit case): {cached.seconds:.2f} s with the cache of "
          f"an earlier run, {plain.seconds:.2f} s without cache")
    return {"one_file": cached.seconds}


def build(root: Path, repeat: int, env: dict[str, str]) -> dict[str, float]:
    built = best(trustreg(root, "build"), repeat, env=env)
    if built.status != 0:
        print(f"          trustreg build FAILED (exit {built.status}): {built.stderr.strip()[-300:]}")
        return {}
    print(f"          trustreg build (data.json, CSV, site): {built.seconds:.2f} s, "
          f"peak {built.peak_mib:.0f} MiB")
    return {"build": built.seconds}


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def one_platform(tmp: Path, env: dict[str, str], counts: tuple[int, ...] = (500, 1000)) -> dict[str, float]:
    """Offerings that all share one platform (the worst case for compare pages): build vs check
    on the same tree, and the output's size per offering (linear when it stays flat)."""
    figures: dict[str, float] = {}
    for count in counts:
        root = make_registry(tmp / f"one-platform-{count}", count, one_platform=True)
        checked = best(trustreg(root, "check", "--no-cache"), 1, env=env)
        built = best(trustreg(root, "build"), 1, env=env)
        if built.status != 0:
            print(f"          one-platform build FAILED (exit {built.status}): {built.stderr.strip()[-300:]}")
            shutil.rmtree(root)
            return {}
        size = size_of(root / "dist")
        ratio = built.seconds / checked.seconds
        print(f"N={count:>6}, one platform: trustreg build {built.seconds:.2f} s = {ratio:.2f}x check "
              f"({checked.seconds:.2f} s); dist/ {size / 2**20:.1f} MiB, "
              f"{size / count / 1024:.1f} KiB per offering, {sum(1 for _ in root.rglob('dist/**/*'))} files")
        figures["one_platform_ratio"] = ratio
        shutil.rmtree(root)
    return figures


def bench_size(count: int, tmp: Path, env: dict[str, str]) -> dict[str, float]:
    root = make_registry(tmp / f"registry-{count}", count)
    files = sorted((root / "offerings").glob("*.yaml"))
    repeat = 3 if count <= 1000 else 1
    figures = check_figures(root, files, repeat, env)
    figures.update(versus(root, files, figures["check"], env))
    if count == 1000:
        figures.update(one_file(root, files, repeat, env))
        figures.update(build(root, repeat, env))
    shutil.rmtree(root)
    return figures


def script(name: str) -> None:
    """Run another benchmark script and print its figures."""
    done = subprocess.run([sys.executable, HERE / f"bench_{name}.py"], capture_output=True, text=True)
    print(done.stdout.strip() if done.returncode == 0 else
          f"{name} benchmark FAILED (exit {done.returncode}): {done.stderr.strip()[-300:]}")


def verdicts(results: dict[int, dict[str, float]]) -> str:
    one, ten = results.get(1000, {}), results.get(10000, {})
    figures = {"check 1,000 < 2 s": one.get("check"), ">= 5x check-jsonschema": one.get("ratio"),
               "check 10,000 < 20 s": ten.get("check"), "10,000 peak < 1 GiB": ten.get("check_mib"),
               "one file < 0.5 s": one.get("one_file"), "build 1,000 < 15 s": one.get("build"),
               "one-platform build <= 2.5x check": one.get("one_platform_ratio")}
    parts = []
    for name, (limit, below) in TARGETS.items():
        value = figures[name]
        verdict = "not measured" if value is None else \
            "met" if (value < limit if below else value >= limit) else "MISSED"
        parts.append(f"{name}: {verdict}")
    return "targets: " + ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000", help="registry sizes, comma-separated")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="trustreg-bench-") as tmp:
        env = {**os.environ, "TRUSTREG_CACHE_DIR": str(Path(tmp) / "cache")}
        for count in (int(s) for s in args.sizes.split(",")):
            results[count] = bench_size(count, Path(tmp), env)
        if 1000 in results:
            results[1000].update(one_platform(Path(tmp), env))
    script("real")
    script("changelog")
    script("watch")
    script("fetch")
    bench_hostile.main()
    print(verdicts(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

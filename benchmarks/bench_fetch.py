"""Hostile pages against the fetcher's bounds (issue 18): a dripping server and a hostile PDF
end within the page deadline plus one second; one page at the 10 MB size cap stays under
300 MB of resident memory in every process.

Everything is served by the tests' loopback server (tests/netserver.py); commands run in fresh
processes (benchmarks/measure.py: wall time, and the peak resident size of the largest
process, the child that reads a big page or a PDF included). Usage: python benchmarks/bench_fetch.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' loopback server

from measure import run
from trustreg.extract import ExtractError, extract
from trustreg.fetch import Fetcher, Limits

from tests import netserver

HERE = Path(__file__).resolve().parent

DEADLINE = 2.0  # seconds; the servers drip for 4 s
CAP = 10 * 1024 * 1024
NEEDLE = "Customer data is deleted within thirty days of the end of the contract"
PROSE = ("<div class='section'><h2>Data retention</h2><p>Customer data is retained for thirty "
         "days and then deleted. Les données à caractère personnel sont hébergées en Europe. "
         "“Quoted” words — and dashes.</p><ul><li>One item</li><li>Two items</li></ul></div>\n")
DENSE = "<span>a</span><b>é</b>"


def at_cap(unit: str) -> bytes:
    """An HTML page of just under the 10 MB cap, the needle at its very end."""
    tail = f"<p>{NEEDLE}.</p></body></html>".encode()
    head = b"<html><head><title>Big page</title></head><body>"
    filler = (unit * (CAP // len(unit.encode()) + 1)).encode()
    return head + filler[:CAP - len(head) - len(tail) - 1024] + tail


def registry(tmp: Path) -> Path:
    root = tmp / "registry"
    root.mkdir()
    for part in ("registry.yaml", "schema", "organisations", "offerings"):
        source = HERE.parent / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    return root


def deadline_figures(server: netserver.Server) -> list[str]:
    lines = []
    with Fetcher(Limits(timeout=DEADLINE, delay=0), {"trustcenter.cohere.com": server.base}) as client:
        for path in ("/drip-headers", "/drip-body"):
            start = time.perf_counter()
            page = client.fetch(f"https://trustcenter.cohere.com{path}")
            took = time.perf_counter() - start
            lines.append(f"dripping server {path}: ended after {took:.2f} s with a {DEADLINE:g} s deadline "
                         f"({page.error}): {'met' if took <= DEADLINE + 1 else 'MISSED'}")
    start = time.perf_counter()
    try:
        extract(netserver.hostile_pdf(), "application/pdf", DEADLINE)
        outcome = "read"
    except ExtractError as exc:
        outcome = str(exc)
    took = time.perf_counter() - start
    lines.append(f"hostile PDF (500 pages sharing one 1.6 MB content stream, "
                 f"{len(netserver.hostile_pdf()) / 1024:.0f} kB): ended after {took:.2f} s with a "
                 f"{DEADLINE:g} s deadline ({outcome}): {'met' if took <= DEADLINE + 1 else 'MISSED'}")
    return lines


def command_figures(server: netserver.Server, tmp: Path) -> list[str]:
    root = registry(tmp)
    resolve = ["--resolve", f"trustcenter.cohere.com={server.base}"]
    cite = [sys.executable, "-m", "trustreg", "--root", root, "cite", "cohere-api", "soc2_type2"]
    lines = []
    for path, what in (("/hostile.pdf", "hostile PDF"), ("/drip-headers", "dripping headers")):
        done = run([*cite, f"https://trustcenter.cohere.com{path}", "--timeout", str(DEADLINE), *resolve])
        lines.append(f"trustreg cite on the {what}, --timeout {DEADLINE:g}: {done.seconds:.2f} s "
                     f"(process start and registry load included), exit {done.status}: "
                     f"{done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''}")
    for path, what in (("/cap-prose", "prose"), ("/cap-dense", "dense markup")):
        done = run([*cite, f"https://trustcenter.cohere.com{path}", "--quote", NEEDLE, *resolve])
        verdict = "met" if done.peak_mib < 300 else "MISSED"
        message = (done.stderr.strip().splitlines() or [""])[-1]
        lines.append(f"trustreg cite, one {what} page of {CAP / 2**20:.1f} MiB at the cap: "
                     f"{done.seconds:.2f} s, peak {done.peak_mib:.0f} MiB (largest process), exit "
                     f"{done.status}{': ' + message if done.status else ''}; < 300 MB: {verdict}")
    watch = run([sys.executable, "-m", "trustreg", "--root", root, "watch", "cohere-api", "--delay", "0",
                 *resolve])
    lines.append(f"trustreg watch cohere-api (the prose page at the cap among its sources): "
                 f"{watch.seconds:.2f} s, peak {watch.peak_mib:.0f} MiB; < 300 MB: "
                 f"{'met' if watch.peak_mib < 300 else 'MISSED'}")
    return lines


def main() -> int:
    generator = netserver.serve()
    server = next(generator)
    server.pages["/cap-prose"] = (200, "text/html; charset=utf-8", at_cap(PROSE))
    server.pages["/cap-dense"] = (200, "text/html; charset=utf-8", at_cap(DENSE))
    try:
        lines = deadline_figures(server)
        with tempfile.TemporaryDirectory(prefix="trustreg-bench-fetch-") as tmp:
            lines += command_figures(server, Path(tmp))
    finally:
        generator.close()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

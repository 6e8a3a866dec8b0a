"""Time `trustreg watch` over 1,001 primary sources (91 synthetic offerings) on a loopback server.

Every source has its own URL and a quote; the server answers each with a ~6 kB page holding
the quote. Hosts map to the server with --resolve; the per-host delay is off (it is a courtesy
to real servers, not work). Usage: python benchmarks/bench_watch.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import run
from synthetic import make_registry
from trustreg import loader
from trustreg.fmt import canonical_text
from trustreg.vocabulary_file import load_vocabulary

OFFERINGS = 91  # x 11 cells = 1,001 primary sources
FILLER = "<p>" + "Synthetic trust center text about audits, retention and subprocessors. " * 80 + "</p>"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        _, dim, index = self.path.split("/")
        body = (f"<html><head><title>Evidence {dim} {index}</title></head><body>{FILLER}"
                f"<p>Synthetic evidence for {dim} {index}.</p>{FILLER}</body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def add_quotes(root: Path) -> list[str]:
    """Give every primary source a quote its page holds; return the hosts cited."""
    vocab = load_vocabulary(root)
    hosts = set()
    for file in sorted((root / "offerings").glob("*.yaml")):
        data = loader.load(file).data
        for cell in data["cells"].values():
            for source in cell["sources"]:
                if source["role"] == "primary":
                    _, _, host, dim, index = source["url"].split("/")
                    source["quote"] = f"Synthetic evidence for {dim} {index}"
                    hosts.add(host)
        file.write_text(canonical_text(data, "offering", vocab) or "", encoding="utf-8")
    return sorted(hosts)


def main() -> int:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory(prefix="trustreg-bench-watch-") as tmp:
        root = make_registry(Path(tmp) / "registry", OFFERINGS)
        hosts = add_quotes(root)
        resolve = [a for h in hosts for a in ("--resolve", f"{h}={base}")]
        env = {**os.environ, "TRUSTREG_CACHE_DIR": str(Path(tmp) / "cache")}
        command = [sys.executable, "-m", "trustreg", "--root", root, "watch", "--delay", "0",
                   "--workers", "16", *resolve]
        first = run([*command, "--record"], env=env)
        again = run(command, env=env)
    server.shutdown()
    sources = OFFERINGS * 11
    for label, done in (("first run, --record", first), ("second run, compared", again)):
        print(f"trustreg watch {sources:,} sources on {len(hosts)} hosts ({label}): {done.seconds:.2f} s, "
              f"peak {done.peak_mib:.0f} MiB, exit {done.status}"
              + (f" {done.stderr.strip()[-200:]}" if done.status else ""))
    met = again.seconds < 30 and again.status == 0
    print(f"target watch 1,000 sources < 30 s: {'met' if met else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

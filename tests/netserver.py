"""A loopback HTTP server for the network commands' tests: well-behaved pages and hostile ones.

Every host a test cites is mapped to this server with `--resolve HOST=<server.base>`, so the
real fetch path runs end to end and nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
import zlib
from collections.abc import Iterator
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

QUOTE = "Synthetic Vendor undergoes an annual SOC 2 Type II audit"
PAGE = ("<!doctype html><html><head><title>Synthetic Vendor Trust Center</title><script>var x = 1;</script>"
        "</head><body><h1>Security</h1><p>Synthetic Vendor undergoes an <b>annual</b>\n  SOC&nbsp;2 Type II "
        "audit.</p><p>Reports require a signed NDA.</p></body></html>")
NO_QUOTE = PAGE.replace("an <b>annual</b>\n  SOC&nbsp;2 Type II audit", "regular audits")
LATIN1 = ("<html><head><title>Données</title></head><body><p>Les données à caractère personnel "
          "sont hébergées en Europe.</p></body></html>")
BIG = 50 * 1024 * 1024
DRIP_STEPS = 40  # with DRIP_PAUSE: 4 s, far past the tests' 1 s deadline
DRIP_PAUSE = 0.1


def pdf_bytes(text: str) -> bytes:
    """A minimal one-page PDF showing text in Helvetica, with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                 b"<< /Title (Synthetic Vendor SOC 2 letter) >>"], info=6)


def _pdf(objects: list[bytes], info: int) -> bytes:
    """A PDF of the numbered objects (1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, info, xref)
    return bytes(out)


def hostile_pdf(pages: int = 500, operators: int = 100_000) -> bytes:
    """About 80 kB: pages that all share one compressed content stream of 1.6 MB of text
    operators (pypdf parses it again for every page: seconds each)."""
    content = b"BT /F1 12 Tf 72 720 Td " + b"(ab) Tj 0 -1 Td " * operators + b"ET"
    stream = zlib.compress(content, 9)
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Title (hostile) >>"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    return _pdf(objects, info=5)


@cache
def gzip_bomb() -> bytes:
    """100 MB of zeros, gzipped to about 100 kB."""
    return gzip.compress(b"\0" * (100 * 1024 * 1024), compresslevel=6)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.pages: dict[str, tuple[int, str, bytes]] = {}  # path -> (status, content type, body)
        self.cookies_seen: list[str] = []
        self.requests: list[str] = []
        self.stall = threading.Event()

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-answer (a deadline, a size cap) is expected: stay quiet."""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
        self.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:  # refused, as some servers do: the link checker then tries GET
        self.server.requests.append(f"HEAD {self.headers.get('Host')}{self.path}")
        self._send(405, {"Content-Type": "text/plain"})

    def do_GET(self) -> None:
        path = self.path
        self.server.requests.append(f"{self.headers.get('Host')}{path}")
        if self.headers.get("Cookie"):
            self.server.cookies_seen.append(self.headers["Cookie"])
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._route(path)

    def _route(self, path: str) -> None:
        html = "text/html; charset=utf-8"
        if path in self.server.pages:
            status, kind, body = self.server.pages[path]
            self._send(status, {"Content-Type": kind}, body)
        elif path == "/quote":
            self._send(200, {"Content-Type": html}, PAGE.encode())
        elif path == "/noquote":
            self._send(200, {"Content-Type": html}, NO_QUOTE.encode())
        elif path == "/doc.pdf":
            self._send(200, {"Content-Type": "application/pdf"}, pdf_bytes(QUOTE + " in 2026."))
        elif path == "/hostile.pdf":
            self._send(200, {"Content-Type": "application/pdf"}, hostile_pdf())
        elif path == "/latin1":
            self._send(200, {"Content-Type": "text/html; charset=ISO-8859-1"}, LATIN1.encode("latin-1"))
        elif path == "/meta-charset":
            body = LATIN1.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252")
            self._send(200, {"Content-Type": "text/html"}, body)
        elif path == "/offsite":
            self._send(302, {"Location": "https://elsewhere.example/landing"})
        elif path == "/landing":
            self._send(200, {"Content-Type": html}, PAGE.encode())
        elif path == "/moved-within":
            self._send(301, {"Location": "/quote"})
        elif path in ("/404", "/500"):
            self._send(int(path[1:]), {"Content-Type": html}, b"<p>error</p>")
        elif path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b"<p>")
            self.wfile.flush()
            self.server.stall.wait(10)
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(BIG))
            self.end_headers()
            chunk = b"a" * (1024 * 1024)
            for _ in range(BIG // len(chunk)):
                self.wfile.write(chunk)
        elif path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"a" * (1024 * 1024)
            for _ in range(BIG // len(chunk)):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        elif path == "/bomb":
            self._send(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip_bomb())
        elif path == "/gzipped":
            self._send(200, {"Content-Type": html, "Content-Encoding": "gzip"},
                       gzip.compress(PAGE.encode()))
        elif path in ("/loop", "/loop2"):
            target = "/loop2" if path == "/loop" else "/loop"
            self._send(302, {"Location": target, "Set-Cookie": "session=abc; Path=/"})
        elif path.startswith("/chain/"):
            self._send(302, {"Location": f"/chain/{int(path.rsplit('/', 1)[1]) + 1}",
                             "Set-Cookie": "step=1; Path=/"})
        elif path.startswith("/save/"):  # the Wayback Machine's Save Page Now
            target = path.removeprefix("/save/")
            self._send(302, {"Location": f"https://web.archive.org/web/20261124120000/{target}"})
        elif path.startswith("/web/"):
            self._send(200, {"Content-Type": html}, PAGE.encode())
        elif path == "/drip-headers":  # one header line at a time, each well within a read timeout
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for number in range(DRIP_STEPS):
                self.wfile.write(b"X-Drip-%d: 1\r\n" % number)
                self.wfile.flush()
                if self.server.stall.wait(DRIP_PAUSE):
                    return
            self.wfile.write(b"Content-Type: text/html\r\nContent-Length: 9\r\n\r\n<p>ok</p>")
        elif path == "/drip-body":  # one byte at a time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(DRIP_STEPS))
            self.end_headers()
            for _ in range(DRIP_STEPS):
                self.wfile.write(b"a")
                self.wfile.flush()
                if self.server.stall.wait(DRIP_PAUSE):
                    return
        elif path.startswith("/redirect-to/"):  # a redirect to any URL (percent-encoded after it)
            self._send(302, {"Location": unquote(path.removeprefix("/redirect-to/"))})
        elif path.startswith("/slow/"):
            time.sleep(0.01)
            self._send(200, {"Content-Type": html}, PAGE.encode())
        else:
            self._send(404, {"Content-Type": html}, b"<p>not found</p>")


def serve() -> Iterator[Server]:
    """Start a server in a thread; stop it (and release stalled handlers) afterwards."""
    server = Server()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stall.set()
        server.shutdown()
        server.server_close()


serve_in_context = contextlib.contextmanager(serve)

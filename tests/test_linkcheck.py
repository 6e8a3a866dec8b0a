"""The link checker, against a server on the loopback address only (no outside network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from trustreg.api import load_registry
from trustreg.linkcheck import check_links, registry_urls

from .conftest import built


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.send_error(405)
        else:
            self.send_response(200 if self.path != "/gone" else 404)
            self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ok_broken_head_refused_and_unreachable(server: str) -> None:
    urls = [f"{server}/ok", f"{server}/gone", f"{server}/no-head", "http://127.0.0.1:9/closed"]
    results = check_links(urls, workers=2, timeout=5)
    assert [r.url for r in results] == urls
    assert [r.ok for r in results] == [True, False, True, False]
    assert results[1].status == 404
    assert results[3].status is None and results[3].error


def test_registry_urls_are_the_sources() -> None:
    urls = registry_urls(load_registry(built()))
    assert "https://trust.vendor.example" in urls
    assert "https://digital-strategy.commission.example/en/policies/contents-code-gpai" in urls
    assert urls == sorted(set(urls))

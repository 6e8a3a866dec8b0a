"""The fetcher against a loopback server: limits hold whatever the server does."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from trustreg.extract import ExtractError, extract
from trustreg.fetch import Fetcher, Limits, ResolveError, parse_resolve

from . import netserver

HOSTS = ("trust.vendor.example", "elsewhere.example", "web.archive.org")


@pytest.fixture
def fetcher(server: netserver.Server) -> Iterator[Fetcher]:
    limits = Limits(timeout=1.0, max_bytes=2 * 1024 * 1024, delay=0)
    with Fetcher(limits, {h: server.base for h in HOSTS}) as client:
        yield client


def url(path: str) -> str:
    return f"https://trust.vendor.example{path}"


def test_page_is_fetched_under_its_own_url(fetcher: Fetcher, server: netserver.Server) -> None:
    page = fetcher.fetch(url("/quote"))
    assert page.ok and page.final_url == url("/quote") and b"SOC&nbsp;2" in page.body
    assert server.requests == ["trust.vendor.example/quote"]  # the Host header is the source's


def test_gzip_is_decoded(fetcher: Fetcher) -> None:
    assert fetcher.fetch(url("/gzipped")).body == netserver.PAGE.encode()


def test_redirect_within_host_is_followed_and_reported(fetcher: Fetcher) -> None:
    page = fetcher.fetch(url("/moved-within"))
    assert page.ok and page.hops == (url("/quote"),)


def test_redirect_off_site_maps_loopback_back_to_the_host(fetcher: Fetcher) -> None:
    page = fetcher.fetch(url("/offsite"))
    assert page.ok and page.hops == ("https://elsewhere.example/landing",)


@pytest.mark.parametrize("status", [404, 500])
def test_error_status_is_returned(fetcher: Fetcher, status: int) -> None:
    page = fetcher.fetch(url(f"/{status}"))
    assert page.status == status and not page.ok and not page.error


def test_stalled_server_times_out(fetcher: Fetcher) -> None:
    page = fetcher.fetch(url("/stall"))
    assert page.error == "no answer within 1 s"


@pytest.mark.parametrize("path", ["/big", "/big-unannounced", "/bomb"])
def test_size_cap_holds_while_streaming(fetcher: Fetcher, path: str) -> None:
    netserver.gzip_bomb()  # made before the clock runs
    tracemalloc.start()
    try:
        page = fetcher.fetch(url(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert page.error == "the page is larger than 2 MB" and page.body == b""
    assert peak < 16 * 1024 * 1024  # never the 50 MB body or the 100 MB bomb in memory


def test_redirect_loop_is_caught_and_no_cookie_is_sent_back(fetcher: Fetcher,
                                                             server: netserver.Server) -> None:
    page = fetcher.fetch(url("/loop"))
    assert page.error == "redirect loop"
    assert server.cookies_seen == []


def test_endless_redirects_stop_at_the_cap(fetcher: Fetcher, server: netserver.Server) -> None:
    page = fetcher.fetch(url("/chain/0"))
    assert page.error == "more than 5 redirects" and len(page.hops) == 6
    assert server.cookies_seen == []


def test_unmapped_host_is_never_contacted(fetcher: Fetcher) -> None:
    page = fetcher.fetch("https://example.org/")
    assert page.error == "host example.org is not mapped by --resolve"


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "[::1]", "169.254.169.254", "localhost"])
def test_private_addresses_are_refused(host: str) -> None:
    """An address or a single-label name is no source URL at all (urls.py); a domain name that
    resolves to a private address is refused when it is resolved (fetch.py)."""
    with Fetcher(Limits(timeout=1)) as client:
        error = client.fetch(f"https://{host}/").error
    assert error in ("URL has an IP address as host", "URL has a host that is not a valid domain name")


def test_plain_http_is_refused(fetcher: Fetcher) -> None:
    assert fetcher.fetch("http://trust.vendor.example/quote").error == "URL is not https"


def test_fetch_all_fetches_each_url_once(fetcher: Fetcher, server: netserver.Server) -> None:
    pages = fetcher.fetch_all([url("/quote"), url("/404"), url("/quote")])
    assert list(pages) == [url("/quote"), url("/404")]
    assert len(server.requests) == 2


@pytest.mark.parametrize("value", ["example.com=http://10.0.0.1:80", "example.com=https://127.0.0.1:1",
                                   "example.com", "example.com=http://127.0.0.1:1/path",
                                   "=http://127.0.0.1:1"])
def test_resolve_accepts_loopback_targets_only(value: str) -> None:
    with pytest.raises(ResolveError):
        parse_resolve([value])


def test_resolve_mapping() -> None:
    assert parse_resolve(["Example.COM=http://127.0.0.1:8080"]) == {"example.com": "http://127.0.0.1:8080"}


def test_pdf_text_and_title(fetcher: Fetcher) -> None:
    page = fetcher.fetch(url("/doc.pdf"))
    read = extract(page.body, page.content_type)
    assert read.title == "Synthetic Vendor SOC 2 letter" and netserver.QUOTE in read.text


@pytest.mark.parametrize("path", ["/latin1", "/meta-charset"])
def test_non_utf8_pages_are_decoded(fetcher: Fetcher, path: str) -> None:
    page = fetcher.fetch(url(path))
    read = extract(page.body, page.content_type)
    assert read.title == "Données" and "données à caractère personnel" in read.text


def test_unlabelled_non_utf8_page_is_read_as_windows_1252() -> None:
    read = extract(netserver.LATIN1.encode("cp1252") * 3, "text/html")
    assert "caractère" in read.text


def test_html_text_drops_scripts_and_keeps_words_whole() -> None:
    read = extract(netserver.PAGE.encode(), "text/html")
    assert "var x" not in read.text and "an annual\n  SOC\xa02 Type II audit." in read.text
    assert read.title == "Synthetic Vendor Trust Center"


@pytest.mark.parametrize(("body", "kind"), [(b"%PDF-1.4 broken", "application/pdf"),
                                            (b"\x89PNG....", "image/png")])
def test_unreadable_bodies_raise_extract_error(body: bytes, kind: str) -> None:
    with pytest.raises(ExtractError):
        extract(body, kind)


@pytest.mark.parametrize("path", ["/drip-headers", "/drip-body"])
def test_dripping_server_ends_at_the_page_deadline(fetcher: Fetcher, path: str) -> None:
    """Each line or byte comes well within a read timeout; the whole page does not."""
    page = fetcher.fetch(url(path))
    assert page.error == "no answer within 1 s" and not page.body


def _dns(monkeypatch: pytest.MonkeyPatch, *addresses: str) -> None:
    """Every name resolves to addresses (no DNS is asked); an address stays itself."""
    import ipaddress
    import socket

    def answer(host: str, port: int, *args: object, **kwargs: object) -> list:
        try:
            found = [str(ipaddress.ip_address(host))]
        except ValueError:
            found = list(addresses)
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (a, port)) for a in found]

    monkeypatch.setattr(socket, "getaddrinfo", answer)


@pytest.mark.parametrize("addresses", [("127.0.0.1",), ("10.0.0.8",), ("169.254.169.254",),
                                       ("::1",), ("::ffff:127.0.0.1",), ("100.64.0.1",),
                                       ("93.184.216.34", "192.168.1.1")])
def test_names_resolving_to_private_addresses_are_refused(monkeypatch: pytest.MonkeyPatch,
                                                           addresses: tuple[str, ...]) -> None:
    _dns(monkeypatch, *addresses)
    with Fetcher(Limits(timeout=1)) as client:
        page = client.fetch("https://rebind.example/")
    private = addresses[-1]
    assert page.error == f"host rebind.example resolves to a private address ({private})"


def test_the_peer_connected_to_is_checked(monkeypatch: pytest.MonkeyPatch,
                                          server: netserver.Server) -> None:
    """A public address on paper, a loopback peer in fact (as a NAT or a proxy could make it)."""
    import httpcore

    _dns(monkeypatch, "93.184.216.34")
    port = int(server.base.rsplit(":", 1)[1])
    connect = httpcore.SyncBackend.connect_tcp
    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp",
                        lambda self, host, _port, *a, **k: connect(self, "127.0.0.1", port, *a, **k))
    with Fetcher(Limits(timeout=1)) as client:
        page = client.fetch("https://public.example/quote")
    assert page.error == "host public.example connected to a private address (127.0.0.1)"
    assert server.requests == []


@pytest.mark.parametrize(("target", "error"), [
    ("http://127.0.0.1:1/", "redirect to URL is not https"),
    ("https://127.0.0.1/", "redirect to URL has an IP address as host"),
    ("https://169.254.169.254/latest/meta-data/", "redirect to URL has an IP address as host"),
    ("https://[::1]/", "redirect to URL has an IP address as host"),
    ("http://trust.vendor.example/quote", "redirect to URL is not https"),
    ("ftp://trust.vendor.example/quote", "redirect to URL is not https"),
])
def test_redirects_reach_public_https_only(fetcher: Fetcher, target: str, error: str) -> None:
    from urllib.parse import quote

    page = fetcher.fetch(url("/redirect-to/" + quote(target, safe="")))
    assert page.error == error and page.hops == (target,)


@pytest.mark.parametrize("command", [
    ["cite", "synthetic-api", "soc2_type2", "https://trust.vendor.example/", "--quote", "SOC 2"],
    ["watch", "synthetic-api"], ["check", "--quotes"]])
def test_network_commands_refuse_names_resolving_to_private_addresses(
        registry: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        command: list[str]) -> None:
    from .nettools import trustreg

    _dns(monkeypatch, "10.0.0.5")
    status, out, err = trustreg(registry, capsys, *command, "--timeout", "1", "--delay", "0")
    assert status == 1
    assert "resolves to a private address (10.0.0.5)" in out + err

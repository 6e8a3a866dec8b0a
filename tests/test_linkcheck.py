"""`trustreg links` through the one fetcher, against a loopback server only (no outside network)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from trustreg.api import load_registry
from trustreg.fetch import Fetcher, Limits
from trustreg.linkcheck import check_links, registry_urls

from . import netserver
from .conftest import built
from .nettools import OFFERING, TRUST, synthetic, trustreg
from .test_fetch import _dns


def test_head_refused_then_get_and_broken_links(server: netserver.Server) -> None:
    urls = [f"{TRUST}/quote", f"{TRUST}/404", "https://unmapped.example/"]
    with Fetcher(Limits(timeout=1, delay=0), {"trust.vendor.example": server.base}) as client:
        results = check_links(urls, client)
    assert [(r.url, r.ok, r.status) for r in results] == [
        (urls[0], True, 200), (urls[1], False, 404), (urls[2], False, None)]
    assert results[2].error == "host unmapped.example is not mapped by --resolve"
    assert sorted(server.requests) == ["HEAD trust.vendor.example/404", "HEAD trust.vendor.example/quote",
                                       "trust.vendor.example/404", "trust.vendor.example/quote"]


def _links(registry: Path, server: netserver.Server, capsys: pytest.CaptureFixture[str],
           *args: str) -> tuple[int, dict[str, str]]:
    """Run links with every host of the registry mapped to the server: {url: its line}."""
    hosts = sorted({u.split("/")[2] for u in registry_urls(load_registry(registry))})
    mapped = [a for h in hosts for a in ("--resolve", f"{h}={server.base}")]
    status, out, _ = trustreg(registry, capsys, "links", "--timeout", "1", "--delay", "0", *mapped, *args)
    return status, {line.split(" ")[2]: line for line in out.splitlines()}


@pytest.mark.parametrize(("target", "error"), [
    ("http://127.0.0.1:1/", "redirect to URL is not https"),
    ("https://169.254.169.254/latest/meta-data/", "redirect to URL has an IP address as host"),
    ("ftp://trust.vendor.example/x", "redirect to URL is not https"),
    ("http://trust.vendor.example/quote", "redirect to URL is not https"),
])
def test_links_never_follow_a_redirect_off_public_https(registry: Path, server: netserver.Server,
                                                        capsys: pytest.CaptureFixture[str],
                                                        target: str, error: str) -> None:
    from trustreg.fmt import dump

    data = synthetic(registry)
    source = data["cells"]["soc2_type2"]["sources"][0]
    source["url"] = f"{TRUST}/redirect-to/{quote(target, safe='')}"
    (registry / OFFERING).write_text(dump(data), encoding="utf-8")
    status, lines = _links(registry, server, capsys)
    assert status == 1
    assert lines[source["url"]] == f"BAD --- {source['url']} {error}"


def test_links_have_a_page_deadline(registry: Path, server: netserver.Server,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    from trustreg.fmt import dump

    data = synthetic(registry)
    data["cells"]["soc2_type2"]["sources"][0]["url"] = f"{TRUST}/drip-headers"
    (registry / OFFERING).write_text(dump(data), encoding="utf-8")
    _, lines = _links(registry, server, capsys)
    assert lines[f"{TRUST}/drip-headers"] == f"BAD --- {TRUST}/drip-headers no answer within 1 s"


def test_links_refuse_names_that_resolve_to_private_addresses(
        registry: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _dns(monkeypatch, "10.0.0.5")
    status, out, _ = trustreg(registry, capsys, "links", "--timeout", "1", "--delay", "0")
    assert status == 1 and out
    for line in out.splitlines():
        assert line.startswith("BAD --- https://")
        assert line.endswith("resolves to a private address (10.0.0.5)")


def test_registry_urls_are_the_sources() -> None:
    urls = registry_urls(load_registry(built()))
    assert "https://trust.vendor.example" in urls
    assert "https://digital-strategy.commission.example/en/policies/contents-code-gpai" in urls
    assert urls == sorted(set(urls))

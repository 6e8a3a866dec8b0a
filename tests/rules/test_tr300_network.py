"""TR301 (`check --quotes`) and TR302 (the watch's fingerprint store), against a loopback server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from trustreg import cli

from .. import netserver
from ..netserver import QUOTE
from ..nettools import COHERE, point_sources, resolve_args


@pytest.fixture
def server() -> Iterator[netserver.Server]:
    yield from netserver.serve()


@pytest.fixture
def run(registry: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def call(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = cli.main(["--root", str(registry), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return call


def test_quotes_check_reports_missing_quotes_at_the_quote(registry: Path, run, server) -> None:
    point_sources(registry, soc2_type2=("/quote", QUOTE), iso_27001=("/noquote", QUOTE),
                  gdpr_dpa=("/404", "anything"))
    status, out, _ = run("check", "--quotes", "--timeout", "1", "--delay", "0", *resolve_args(server))
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 2 and all(": TR301 " in line for line in lines)
    text = (registry / COHERE).read_text(encoding="utf-8").splitlines()
    for line in lines:
        number = int(line.split(":")[1])
        assert text[number - 1].lstrip().startswith("quote:")
    assert any("quote not found on https://trustcenter.cohere.com/noquote" in line for line in lines)
    assert any("could not check the quote: https://trustcenter.cohere.com/404 gave no page (HTTP 404)"
               in line for line in lines)


def test_quotes_check_passes_when_every_quote_is_found(registry: Path, run, server) -> None:
    point_sources(registry, soc2_type2=("/quote", QUOTE), iso_27001=("/doc.pdf", QUOTE))
    assert run("check", "--quotes", "--delay", "0", *resolve_args(server))[0] == 0


def test_malformed_fingerprint_store_is_a_finding(registry: Path, run, server) -> None:
    point_sources(registry)
    (registry / "watch").mkdir()
    (registry / "watch" / "fingerprints.txt").write_text("# header\nnot a line\n", encoding="utf-8")
    status, _, err = run("watch", "--delay", "0", *resolve_args(server))
    assert status == 1
    assert err.startswith("watch/fingerprints.txt:2:1: TR302 not a fingerprint line")


def test_recorded_store_is_read_back(registry: Path, run, server) -> None:
    point_sources(registry)
    assert run("watch", "--record", "--delay", "0", *resolve_args(server))[0] == 0
    text = (registry / "watch" / "fingerprints.txt").read_text(encoding="utf-8")
    assert text.startswith("# Fingerprints") and len(text.splitlines()) == 4
    assert run("watch", "--delay", "0", *resolve_args(server))[0] == 0

"""TR301 (`check --quotes`) and TR302 (the watch's fingerprint store), against a loopback server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .. import netserver
from ..netserver import QUOTE
from ..nettools import OFFERING, point_sources, resolve_args, trustreg

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(registry: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    """`trustreg ARGS` on the registry, every host resolved to a loopback server."""
    with contextmanager(netserver.serve)() as server:
        resolve = ["--delay", "0", *resolve_args(server)]
        yield lambda *args: trustreg(registry, capsys, *args, *resolve)


def test_quotes_check_reports_missing_quotes_at_the_quote(registry: Path, run: Run) -> None:
    point_sources(registry, soc2_type2=("/quote", QUOTE), iso_27001=("/noquote", QUOTE),
                  gdpr_dpa=("/404", "anything"))
    status, out, _ = run("check", "--quotes", "--timeout", "1")
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 2 and all(": TR301 " in line for line in lines)
    text = (registry / OFFERING).read_text(encoding="utf-8").splitlines()
    for line in lines:
        number = int(line.split(":")[1])
        assert text[number - 1].lstrip().startswith("quote:")
    assert any("quote not found on https://trust.vendor.example/noquote" in line for line in lines)
    assert any("could not check the quote: https://trust.vendor.example/404 gave no page (HTTP 404)"
               in line for line in lines)


def test_quotes_check_passes_when_every_quote_is_found(registry: Path, run: Run) -> None:
    point_sources(registry, soc2_type2=("/quote", QUOTE), iso_27001=("/doc.pdf", QUOTE))
    assert run("check", "--quotes")[0] == 0


def test_malformed_fingerprint_store_is_a_finding(registry: Path, run: Run) -> None:
    point_sources(registry)
    (registry / "watch").mkdir()
    (registry / "watch" / "fingerprints.txt").write_text("# header\nnot a line\n", encoding="utf-8")
    status, _, err = run("watch")
    assert status == 1
    assert err.startswith("watch/fingerprints.txt:2:1: TR302 not a fingerprint line")


def test_recorded_store_is_read_back(registry: Path, run: Run) -> None:
    point_sources(registry)
    assert run("watch", "--record")[0] == 0
    text = (registry / "watch" / "fingerprints.txt").read_text(encoding="utf-8")
    assert text.startswith("# Fingerprints") and len(text.splitlines()) == 4
    assert run("watch")[0] == 0


def test_quotes_check_of_named_files_fetches_only_theirs(registry: Path, run: Run) -> None:
    point_sources(registry, soc2_type2=("/noquote", QUOTE))
    (registry / "offerings" / "other.yaml").write_text(
        (registry / OFFERING).read_text(encoding="utf-8").replace("id: synthetic-api", "id: other"),
        encoding="utf-8")
    status, out, _ = run("check", "--quotes", str(registry / "offerings" / "other.yaml"))
    assert status == 1 and out.count("TR301") == 1 and out.startswith("offerings/other.yaml:")

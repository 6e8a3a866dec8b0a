"""`trustreg watch` end to end against a loopback server: each kind of drift lands in its group."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from trustreg import cli

from . import netserver
from .netserver import NO_QUOTE, PAGE, QUOTE
from .nettools import TRUST, point_sources, resolve_args


@pytest.fixture
def watch(registry: Path, server: netserver.Server,
          capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = cli.main(["--root", str(registry), "watch", "--timeout", "1", "--delay", "0",
                           "--max-mb", "2", *resolve_args(server), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_first_run_with_everything_answering_is_fine(registry: Path, watch) -> None:
    point_sources(registry, soc2_type2=("/quote", QUOTE), iso_27001=("/doc.pdf", QUOTE))
    status, out, _ = watch()
    assert status == 0
    assert out.endswith("primary sources on 3 pages: all fine\n")
    assert not (registry / "watch").exists()  # nothing written without --record


def test_quote_missing(registry: Path, watch) -> None:
    point_sources(registry, soc2_type2=("/noquote", QUOTE))
    status, out, _ = watch()
    assert status == 1
    assert out.splitlines()[0] == "Quote missing (1)"
    assert f"{TRUST}/noquote [synthetic-api soc2_type2]: the quote is not on the page" in out


@pytest.mark.parametrize(("path", "group", "detail"), [
    ("/offsite", "Moved off the graded party's domains",
     "redirects to https://elsewhere.example/landing, not a domain of synthetic-vendor"),
    ("/404", "Gone (4xx/5xx)", "HTTP 404"),
    ("/500", "Gone (4xx/5xx)", "HTTP 500"),
    ("/stall", "Unreachable", "no answer within 1 s"),
    ("/big", "Unreachable", "the page is larger than 2 MB"),
    ("/bomb", "Unreachable", "the page is larger than 2 MB"),
    ("/loop", "Unreachable", "redirect loop"),
])
def test_each_failure_lands_in_its_group(registry: Path, watch, path: str, group: str,
                                         detail: str) -> None:
    netserver.gzip_bomb()
    point_sources(registry, trust_center=(path, None))
    status, out, _ = watch()
    assert status == 1
    assert out.splitlines()[:2] == [f"{group} (1)", f"  {TRUST}{path} [synthetic-api trust_center]: {detail}"]


def test_redirect_within_the_domains_is_not_a_move(registry: Path, watch) -> None:
    point_sources(registry, trust_center=("/moved-within", QUOTE))
    assert watch()[0] == 0


def test_record_then_change_is_reported_until_recorded_again(registry: Path, watch,
                                                             server: netserver.Server) -> None:
    point_sources(registry, soc2_type2=("/quote", QUOTE), gdpr_dpa=("/latin1", "données à caractère"))
    assert watch("--record")[0] == 0
    store = (registry / "watch" / "fingerprints.txt").read_text(encoding="utf-8")
    lines = [line for line in store.splitlines() if not line.startswith("#")]
    assert [line.split(" ", 2)[1:] for line in lines] == [
        ["2026-11-24", "https://digital-strategy.commission.example/quote"],
        ["2026-11-24", f"{TRUST}/latin1"], ["2026-11-24", f"{TRUST}/quote"]]
    server.pages["/quote"] = (200, "text/html", PAGE.replace("Security", "Security and privacy").encode())
    status, out, _ = watch()
    assert status == 1 and out.startswith("Changed since last reviewed (2)\n")  # both hosts serve /quote
    assert "the text differs from the fingerprint recorded 2026-11-24" in out
    status, out, _ = watch("--record")  # reported, but recorded now: nothing left to do
    assert status == 0 and "Changed since last reviewed (2)" in out
    assert watch()[0] == 0


def test_quote_gone_after_recording_is_quote_missing(registry: Path, watch,
                                                     server: netserver.Server) -> None:
    point_sources(registry, soc2_type2=("/quote", QUOTE))
    watch("--record")
    server.pages["/quote"] = (200, "text/html", NO_QUOTE.encode())
    status, out, _ = watch()
    assert status == 1
    assert "Quote missing (1)" in out and "Changed since last reviewed (2)" in out


def test_json_and_markdown_reports(registry: Path, watch) -> None:
    point_sources(registry, soc2_type2=("/noquote", QUOTE), trust_center=("/404", None))
    status, out, _ = watch("--format", "json")
    report = json.loads(out)
    assert status == 1 and report["needs_human"] is True
    assert [a["cells"] for a in report["alerts"]["quote_missing"]] == [["synthetic-api soc2_type2"]]
    assert report["alerts"]["gone"][0]["detail"] == "HTTP 404"
    status, out, _ = watch("--format", "markdown")
    assert out.startswith("<!-- trustreg-watch -->\n## Source watch 2026-11-24: 2 need a human")
    assert "### Quote missing (1)" in out and "### Gone (4xx/5xx) (1)" in out
    assert f"- [ ] <{TRUST}/404> (`synthetic-api trust_center`): `HTTP 404`" in out


def test_markdown_makes_page_text_inert(registry: Path, watch, server: netserver.Server) -> None:
    server.pages["/evil"] = (200, "text/html", b"<p>@octocat [click](https://x.example) <b>x</b></p>")
    point_sources(registry, soc2_type2=("/evil", "@octocat [click](https://x.example) said so"))
    out = watch("--format", "markdown")[1]
    assert "@octocat" not in _outside_code(out) and "](https" not in _outside_code(out)


def _outside_code(markdown: str) -> str:
    """The Markdown less its code spans (where GitHub renders text as it is)."""
    import re

    return re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", markdown)


@pytest.mark.parametrize("text", [
    "https://phish.example/login", "HTTP://PHISH.EXAMPLE", "www.phish.example", "mail admin@phish.example",
    "[click](https://x.example)", "<a href='https://x.example'>x</a>", "@octocat and @org/team",
    "see GH-1 and owner/repo#2", "``` fenced `ticks` ```", "<https://x.example>", "![i](https://x.example/i.png)",
])
def test_page_text_never_becomes_a_live_link_in_markdown(registry: Path, watch, text: str,
                                                        server: netserver.Server) -> None:
    """Whatever a page says lands in a code span of the watch issue, where nothing is linked."""
    import html

    server.pages["/evil"] = (200, "text/html", f"<p>Evidence: {html.escape(text)}</p>".encode())
    point_sources(registry, soc2_type2=("/evil", "Evidence: nothing of the kind"))
    out = watch("--format", "markdown")[1]
    line = next(line for line in out.splitlines() if "/evil" in line)
    assert text in line  # the page's words are reported, as they are
    detail = line.split("): ", 1)[1]
    assert detail.startswith("`") and detail.endswith("`")
    assert text not in _outside_code(line)


def test_ids_limit_the_offerings(registry: Path, watch) -> None:
    point_sources(registry)
    assert watch("synthetic-api")[0] == 0
    status, _, err = watch("synthetic-vendor")
    assert status == 2 and "no offering 'synthetic-vendor'; did you mean synthetic-api?" in err


def test_bad_resolve_is_a_usage_error(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["--root", str(registry), "watch", "--resolve", "vendor.example=http://192.0.2.1:80"])
    assert status == 2
    assert "loopback only" in capsys.readouterr().err


def test_a_registry_with_errors_is_not_watched(registry: Path, watch, server: netserver.Server) -> None:
    point_sources(registry)
    (registry / "offerings" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    status, _, err = watch()
    assert status == 1 and err.endswith("trustreg watch: the registry has errors; no page was fetched\n")
    assert "offerings/broken.yaml:" in err and server.requests == []


@pytest.mark.parametrize("option", [["--timeout", "nan"], ["--workers", "0"], ["--delay", "-1"],
                                    ["--max-mb", "inf"]])
def test_bad_limits_are_usage_errors(watch, option: list[str]) -> None:
    status, _, err = watch(*option)
    assert status == 2 and "give --timeout of more than 0 to 600 s" in err

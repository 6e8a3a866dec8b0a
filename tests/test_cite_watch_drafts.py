"""`trustreg watch` and `trustreg cite` with drafts and excerpts, against a loopback server:
watch says whether each draft's quote is on the live page and which excerpt passages are gone;
cite writes the page's excerpt from the live text; review --reverify then verifies the draft."""

from __future__ import annotations

from pathlib import Path

import yaml
from trustreg.extract import extract
from trustreg.watch import fingerprint

from . import netserver
from .netserver import QUOTE
from .nettools import TRUST, point_sources, resolve_args, synthetic
from .rules.conftest import write

PAGE_URL = f"{TRUST}/quote"
EXCERPT = "excerpts/trust.vendor.example/quote.yaml"
COPY = {"held_by": "Synthetic Copy Archive (test fixture)", "captured": "2026-09-14"}


def network(server: netserver.Server) -> list[str]:
    return ["--timeout", "1", "--delay", "0", *resolve_args(server)]


def draft_from_copy(root: Path, passages: list[str]) -> None:
    """Every primary source at the loopback page; SOC 2 a draft quoting it from a copy."""
    point_sources(root)
    data = synthetic(root)
    cell = data["cells"]["soc2_type2"]
    cell.pop("verified")
    cell["draft"] = {"by": "Test grader (synthetic)", "date": "2026-11-20"}
    cell["sources"] = [{"url": PAGE_URL, "title": "Test trust center", "kind": "trust_center",
                        "role": "primary", "quote": QUOTE, "copy": dict(COPY)}]
    write(root, data)
    (root / EXCERPT).parent.mkdir(parents=True, exist_ok=True)
    (root / EXCERPT).write_text(yaml.safe_dump({"url": PAGE_URL, "copy": COPY, "passages": passages},
                                               sort_keys=False), encoding="utf-8")


def test_watch_reports_a_draft_s_quote_found_on_the_live_page(registry: Path, run, server) -> None:
    draft_from_copy(registry, [f"{QUOTE}."])
    assert run("check")[0] == 0
    status, out, _ = run("watch", *network(server))
    assert status == 0, out
    assert (f"  {PAGE_URL} [synthetic-api soc2_type2]: the quote is on the live page") in out
    assert "every quote found, ready to verify live once you have looked: synthetic-api soc2_type2" in out


def test_watch_shows_an_excerpt_passage_gone_from_the_live_page(registry: Path, run, server) -> None:
    draft_from_copy(registry, [f"{QUOTE} twice a year, in the copy."])
    assert run("check")[0] == 0
    status, out, _ = run("watch", *network(server))
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == "Excerpt no longer on the page (1)"
    assert lines[1] == (f"  {PAGE_URL} [synthetic-api soc2_type2]: passage 1 of {EXCERPT} (read in a "
                        "copy held by Synthetic Copy Archive (test fixture)) is no longer on the "
                        f"page: “{QUOTE} twice a year, in the copy.”")


def test_watch_says_when_a_draft_s_quote_is_not_on_the_live_page(registry: Path, run, server) -> None:
    draft_from_copy(registry, [f"{QUOTE}."])
    server.pages["/quote"] = (200, "text/html", netserver.NO_QUOTE.encode())
    status, out, _ = run("watch", "--format", "json", *network(server))
    assert status == 1
    import json

    report = json.loads(out)
    assert report["ready_to_verify"] == []
    assert report["drafts"][0]["quote_found"] is False
    assert report["alerts"]["quote_missing"][0]["cells"] == ["synthetic-api soc2_type2"]


def test_cite_reads_the_page_live_then_review_verifies_the_draft(registry: Path, run, server) -> None:
    draft_from_copy(registry, [f"{QUOTE}."])
    status, out, _ = run("cite", "synthetic-api", "soc2_type2", PAGE_URL, *network(server))
    assert status == 0, out
    assert f"wrote {EXCERPT} (read live today)" in out
    cell = synthetic(registry)["cells"]["soc2_type2"]
    assert "draft" in cell and "verified" not in cell  # still a draft until a person verifies it
    assert cell["sources"][0]["retrieved"] == "2026-11-24" and "copy" not in cell["sources"][0]
    excerpt = yaml.safe_load((registry / EXCERPT).read_text(encoding="utf-8"))
    assert excerpt["retrieved"] == "2026-11-24" and len(excerpt["sha256"]) == 64
    assert any(QUOTE in p for p in excerpt["passages"]) and all(len(p) <= 600 for p in excerpt["passages"])
    assert excerpt["sha256"] == fingerprint(extract(netserver.PAGE.encode(), "text/html").text)
    status, _, err = run("review", "synthetic-api", "soc2_type2", "--reverify", "Looked at the page.",
                         "--by", "Ana")
    assert status == 0, err
    cell = synthetic(registry)["cells"]["soc2_type2"]
    assert cell["verified"] == "2026-11-24" and "draft" not in cell
    assert run("check")[0] == 0


def test_cite_writes_the_excerpt_of_a_newly_quoted_page(registry: Path, run, server) -> None:
    point_sources(registry)
    status, out, _ = run("cite", "synthetic-api", "iso_27001", PAGE_URL, "--quote",
                         "Synthetic Vendor undergoes an annual SOC 2 [...] audit", *network(server))
    assert status == 0, out
    excerpt = yaml.safe_load((registry / EXCERPT).read_text(encoding="utf-8"))
    assert list(excerpt) == ["url", "retrieved", "sha256", "passages"]
    status, out, _ = run("check")
    assert status == 0, out

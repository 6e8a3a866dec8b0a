"""`trustreg review --reverify` on a draft: the cell becomes verified today, or nothing is written;
the changelog records it as verified live."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli
from trustreg.changelog import changelog_text
from trustreg.vocabulary_file import load_vocabulary

from .gitrepo import Repo
from .rules.conftest import OFFERING, mutate, synthetic
from .rules.evidence import LIVE, PASSAGES, SECURITY, TRUST, drafted, write_excerpt


def review(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = cli.main(["--root", str(root), "review", "synthetic-api", "soc2_type2", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def _draft_read_live(root: Path) -> None:
    drafted(root)
    mutate(root, lambda d: d["cells"]["hipaa_baa"]["sources"][0].pop("quote"))  # quotes the same page
    for url in (TRUST, SECURITY):
        write_excerpt(root, url, PASSAGES[url], **LIVE)


def test_a_draft_whose_pages_were_read_live_becomes_verified_today(registry: Path, capsys) -> None:
    _draft_read_live(registry)
    status, out, _ = review(registry, capsys, "--reverify", "Read both pages live.", "--by", "Ana")
    assert status == 0 and "soc2_type2: draft verified live: review added (reverified, 2026-11-24" in out
    cell = synthetic(registry)["cells"]["soc2_type2"]
    assert "draft" not in cell and cell["verified"] == "2026-11-24"
    assert [("copy" in s, s.get("retrieved")) for s in cell["sources"]] == [(False, "2026-11-24")] * 2
    assert cell["reviews"][-1]["decision"] == "reverified"
    assert cli.main(["--root", str(registry), "check"]) == 0


def test_pages_not_read_live_refuse_and_write_nothing(registry: Path, capsys) -> None:
    drafted(registry)
    before = (registry / OFFERING).read_bytes()
    status, _, err = review(registry, capsys, "--reverify", "Looked.", "--by", "Ana")
    assert status == 1 and (registry / OFFERING).read_bytes() == before
    assert err == ("trustreg review: cannot verify synthetic-api soc2_type2 live: "
                   "excerpts/trust.vendor.example/index.yaml was read in a copy held by Synthetic "
                   "Copy Archive (test fixture), not read live: read the page with `trustreg cite` "
                   "first; nothing written\n")


def test_a_quote_gone_from_the_live_excerpt_refuses(registry: Path, capsys) -> None:
    _draft_read_live(registry)
    write_excerpt(registry, SECURITY, ["Security overview (test). Nothing about SOC 2 now."], **LIVE)
    before = (registry / OFFERING).read_bytes()
    status, _, err = review(registry, capsys, "--reverify", "Looked.", "--by", "Ana")
    assert status == 1 and (registry / OFFERING).read_bytes() == before
    assert "the quote from https://vendor.example/security is not in its live excerpt" in err


def test_a_monitor_does_not_verify_a_draft(registry: Path, capsys) -> None:
    _draft_read_live(registry)
    status, _, err = review(registry, capsys, "--reverify", "Auto.", "--by", "bot", "--reviewer", "monitor")
    assert status == 1 and "only a person verifies a draft against the live pages" in err


def test_dismissing_an_alert_leaves_the_draft_a_draft(registry: Path, capsys) -> None:
    drafted(registry)
    status, _, _ = review(registry, capsys, "--dismiss", "Unrelated.", "--by", "Ana")
    cell = synthetic(registry)["cells"]["soc2_type2"]
    assert status == 0 and "draft" in cell and "verified" not in cell


def test_the_changelog_records_a_draft_verified_live(registry: Path, capsys) -> None:
    _draft_read_live(registry)
    repo = Repo(registry)
    repo.commit("Registry with a draft")
    assert review(registry, capsys, "--reverify", "Read live.", "--by", "Ana")[0] == 0
    repo.commit("Verify the SOC 2 draft live", author="Ana Example <ana@example.org>")
    text = changelog_text(registry, load_vocabulary(registry), warn=lambda _m: None)
    section = text.split("### Verified live\n\n", 1)[1].split("\n\n", 1)[0].strip()
    assert section == ("- Synthetic API · SOC 2 Type II: Yes, sales-gated, graded from copies of the cited "
                       "pages, verified live on 2026-11-24. Credit: Ana Example.")
    assert "re-verified without change" not in text

"""Drafts in the text commands (`show`, `compare`, `query`, `stale`), and review values a trail
does not state."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli

from .rules.conftest import mutate, synthetic, write
from .rules.evidence import as_draft, drafted

NOTE = "graded from copies of the cited pages; not yet verified live"


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = cli.main(["--root", str(root), *args])
    return status, capsys.readouterr().out


def all_drafts(root: Path) -> None:
    data = synthetic(root)
    for dim in data["cells"]:
        as_draft(data, dim, quotes=False)
    write(root, data)


def test_show_marks_a_draft_and_how_its_sources_were_read(registry: Path, capsys) -> None:
    drafted(registry)
    status, out = run(registry, capsys, "show", "synthetic-api")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].endswith("evidence verified as of 2026-07-05")  # the verified cells' date
    assert f"Drafts 1 of 11 cells: {NOTE}" in lines
    assert ("SOC 2 Type II: Yes, sales-gated · confidence high · draft (2026-11-20, Test grader "
            f"(synthetic)): {NOTE}") in lines
    assert "read in a copy held by Synthetic Copy Archive (test fixture), captured 2026-09-14" in lines
    assert any(line.startswith("- SOC 2 Type II: ") and line.endswith(" [draft]") for line in lines)


def test_an_offering_of_drafts_only_is_verified_as_of_nothing(registry: Path, capsys) -> None:
    all_drafts(registry)
    status, out = run(registry, capsys, "show", "synthetic-api")
    assert status == 0 and out.splitlines()[0].endswith("evidence verified as of —")
    assert " · verified " not in out and "None" not in out
    assert run(registry, capsys, "stale", "--days", "0") == (0, "")


def test_compare_and_query_mark_drafts(registry: Path, capsys) -> None:
    drafted(registry)
    status, out = run(registry, capsys, "compare", "synthetic-api", "synthetic-api")
    assert status == 0
    assert "[draft] Yes, sales-gated" in out
    assert f"drafts 1 vs 1 (marked [draft]): {NOTE}" in out
    status, out = run(registry, capsys, "query", "soc2_type2=yes_sales_gated")
    assert status == 0 and out == f"synthetic-api\tSynthetic API\twatch-outs 7\tdrafts 1 ({NOTE})\n"


def test_query_on_the_verified_field_of_a_draft_does_not_crash(registry: Path, capsys) -> None:
    drafted(registry)
    assert run(registry, capsys, "query", "soc2_type2.verified~2026") == (0, "")


def test_review_values_a_trail_does_not_state(registry: Path, capsys) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].setdefault("reviews", []).append(
        {"date": "2026-07-01", "by": "not_stated", "reviewer": "not_stated", "decision": "dismissed",
         "confidence": "not_stated", "note": "Imported from a trail that names nobody (test)."}))
    assert run(registry, capsys, "check")[0] == 0
    out = run(registry, capsys, "show", "synthetic-api")[1]
    assert ("review: [reviewer not stated 2026-07-01 name not stated] Dismissed (confidence not "
            "stated): Imported from a trail that names nobody (test).") in out.splitlines()


def test_an_invented_looking_confidence_is_refused(registry: Path, capsys) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].setdefault("reviews", []).append(
        {"date": "2026-07-01", "by": "Ana", "reviewer": "human", "decision": "dismissed",
         "confidence": "unknown", "note": "Test."}))
    status, out = run(registry, capsys, "check")
    assert status == 1 and " TR100 " in out

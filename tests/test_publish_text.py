"""`trustreg show` prints the seed page's lines; compare, query and stale for buyers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from trustreg import cli

from .conftest import PUBLISHED, REPO, SEED, built


def run(capsys: pytest.CaptureFixture[str], *args: str, root: Path | None = None) -> tuple[int, str, str]:
    status = cli.main(["--root", str(root or built(PUBLISHED)), *args])
    out, err = capsys.readouterr()
    return status, out, err


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def test_show_contains_the_seeds_watch_outs_and_attribute_lines(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "cohere-api")
    shown = out.splitlines()
    seed = seed_lines()
    start = seed.index("Watch-outs 7")
    block = seed[start:start + 9]
    assert status == 0
    assert shown[shown.index("Watch-outs 7"):][:9] == block
    attribute_lines = [line for line in seed
                       if line.startswith(("tier: ", "route: ", "geography: "))
                       or (": " in line and not line.startswith("-") and len(line) < 80
                           and line.split(": ")[0].replace("_", "").isalpha()
                           and line.split(": ")[0].islower())]
    assert len(attribute_lines) == 16  # 10 tier/route/geography lines, 6 facts lines
    for line in attribute_lines:  # format 2 splits the seed's trust_center_nda route in two
        line = line.replace("route: trust_center_nda ·", "route: nda · route_via: trust center ·")
        assert line in shown, line
    assert shown.count("no public source") == 1
    for line in (seed[0], seed[1], seed[2], seed[-1]):
        assert line.replace("Registry / ", "Registry / ") in shown or line in out, line


def test_show_unknown_id_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", "cohere")
    assert status == 2
    assert "did you mean cohere-api?" in err


def test_compare_marks_differences(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    offering = published / "offerings" / "cohere-api.yaml"
    other = published / "offerings" / "synthetic-copy.yaml"
    other.write_text(offering.read_text(encoding="utf-8").replace("id: cohere-api", "id: synthetic-copy")
                     .replace("status: yes_platform_only", "status: yes_public"), encoding="utf-8")
    status, out, _ = run(capsys, "compare", "cohere-api", "synthetic-copy", root=published)
    marked = [line for line in out.splitlines() if line.startswith("* ")]
    assert status == 0
    assert len(marked) == 1 and "Residency" in marked[0]
    assert "1 of 11" in out


@pytest.mark.parametrize(("conditions", "expected"), [
    (["hipaa_baa=no_public_evidence"], ["cohere-api"]),
    (["hipaa_baa=yes_public,yes_sales_gated", "hipaa_baa.tier=self_serve"], []),
    (["data_residency.geography~us-only"], ["cohere-api"]),
    (["retention_zdr.retention_days<=30"], ["cohere-api"]),
    (["retention_zdr.retention_days<=29"], []),
    (["gdpr_dpa.subprocessors_public=true", "gpai_cop!=no_public_evidence"], ["cohere-api"]),
])
def test_query(capsys: pytest.CaptureFixture[str], conditions: list[str], expected: list[str]) -> None:
    status, out, _ = run(capsys, "query", *conditions, "--format", "json")
    assert status == 0
    assert [o["id"] for o in json.loads(out)] == expected


DAYS = "retention_zdr.retention_days"


@pytest.mark.parametrize("condition", [
    "nope=yes_public", "hipaa_baa=maybe", "hipaa_baa.colour=red", f"{DAYS}<=soon", "garbage",
    f"{DAYS}>=²", f"{DAYS}>=--5", f"{DAYS}<={'9' * 5000}", f"{DAYS}<=٣", f"{DAYS}<=1_0",
    f"{DAYS}<=nan", "x\x1b[2J=1", "a" * 5000 + "=x", "hipaa_baa.\u202ex=1"])
def test_query_usage_errors(capsys: pytest.CaptureFixture[str], condition: str) -> None:
    status, out, err = run(capsys, "query", condition)
    assert status == 2 and out == "" and err.startswith("trustreg query: ")
    assert err.count("\n") == 1 and err[:-1].isprintable()  # one line, control characters escaped
    assert len(err) < 400  # bounded, whatever the term's length


def test_query_names_the_odd_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "query", f"{DAYS}>=²")[2] == (
        f"trustreg query: '{DAYS}>=²': >= needs a whole number of up to 18 digits, not '²'\n")


def test_stale(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "stale", "--days", "100")
    assert status == 0
    assert len(out.splitlines()) == 11
    assert "cohere-api\tart53_summary\tverified 2026-07-05\t142 days ago" in out
    assert run(capsys, "stale", "--days", "142")[1] == ""


def test_reference_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "reference", "--check", root=REPO)[0] == 0  # docs/FORMAT.md of the checkout

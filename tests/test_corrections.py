"""`trustreg check --base`: corrections need a fresh primary source and a newer verified date."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli

from .gitrepo import Repo

NEW_SOURCE = {"url": "https://trustcenter.cohere.com/faq/baa", "title": "Cohere Trust Center FAQ",
              "kind": "trust_center", "role": "primary", "retrieved": "2026-11-20"}


@pytest.fixture
def repo(registry: Path) -> Repo:
    repo = Repo(registry)
    repo.commit("Add the registry")
    return repo


def check_base(repo: Repo, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = cli.main(["--root", str(repo.root), "check", "--base", "HEAD"])
    return status, capsys.readouterr().out.splitlines()


def correct_hipaa(repo: Repo, *, source: bool, verified: str = "2026-11-20") -> None:
    data = repo.offering()
    cell = data["cells"]["hipaa_baa"]
    cell.update(status="yes_sales_gated", caveat="Synthetic: BAA on request.", verified=verified)
    if source:
        cell["sources"].insert(0, dict(NEW_SOURCE))
    repo.write(data)


def test_grade_change_without_new_source_fails(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=False)
    status, lines = check_base(repo, capsys)
    assert status == 1
    assert [line.split(": ")[1].split()[0] for line in lines] == ["TR201"]
    assert ("cohere-api/hipaa_baa: grade changed no_public_evidence -> yes_sales_gated "
            "without a new or re-retrieved primary source") in lines[0]


def test_grade_change_with_new_source_passes(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=True)
    assert check_base(repo, capsys) == (0, [])


def test_correction_without_newer_verified_date_fails(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=True, verified="2026-07-05")
    data = repo.offering()
    data["cells"]["hipaa_baa"]["sources"][0]["retrieved"] = "2026-07-05"
    data["cells"]["hipaa_baa"]["sources"][0]["url"] = "https://cohere.com/legal/baa"
    repo.write(data)
    status, lines = check_base(repo, capsys)
    assert status == 1
    assert len(lines) == 1 and " TR202 " in lines[0]
    assert "verified is not newer than the base's 2026-07-05" in lines[0]


def test_re_retrieved_source_counts_as_fresh(repo: Repo, capsys) -> None:
    data = repo.offering()
    cell = data["cells"]["retention_zdr"]
    cell["facts"]["retention_days"] = 31
    cell["verified"] = "2026-11-20"
    cell["sources"][0]["retrieved"] = "2026-11-20"
    repo.write(data)
    assert check_base(repo, capsys) == (0, [])


def test_reformatting_and_reverification_are_not_corrections(repo: Repo, capsys) -> None:
    data = repo.offering()
    data["cells"]["iso_27001"]["verified"] = "2026-11-20"
    path = repo.root / "offerings" / "cohere-api.yaml"
    repo.write(data)
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert check_base(repo, capsys) == (0, [])


def test_unknown_base_is_a_usage_error(repo: Repo, capsys) -> None:
    assert cli.main(["--root", str(repo.root), "check", "--base", "no-such-rev"]) == 2
    assert "unknown revision 'no-such-rev'" in capsys.readouterr().err


def test_semantic_diff_command(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=True)
    (repo.root / "offerings" / "cohere-api.yaml").rename(repo.root / "offerings" / "cohere.yaml")
    data = repo.offering("cohere")
    data["id"] = "cohere"
    repo.write(data)
    repo.commit("Rename and correct")
    assert cli.main(["--root", str(repo.root), "diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "renamed cohere-api -> cohere"
    assert "corrected cohere/hipaa_baa (no_public_evidence -> yes_sales_gated)" in out[1]
    assert not any(line.startswith(("added", "removed")) for line in out)


def test_first_commit_has_nothing_to_compare(registry: Path, capsys) -> None:
    Repo(registry)  # a repository without commits, as pre-commit sees it before the first one
    assert cli.main(["--root", str(registry), "check", "--base", "HEAD"]) == 0
    assert capsys.readouterr().out == ""


def test_base_outside_a_repository_is_a_usage_error(registry: Path, capsys) -> None:
    assert cli.main(["--root", str(registry), "check", "--base", "HEAD"]) == 2
    assert capsys.readouterr().err.endswith("is not in a git repository\n")

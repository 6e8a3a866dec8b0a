"""`trustreg check --base`: corrections need a fresh primary source and a newer verified date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from trustreg import cli

from .gitrepo import Repo

NEW_SOURCE = {"url": "https://trust.vendor.example/faq/baa", "title": "Synthetic Vendor Trust Center FAQ",
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
    assert ("synthetic-api/hipaa_baa: grade changed no_public_evidence -> yes_sales_gated "
            "without a new or re-read primary source") in lines[0]


def test_grade_change_with_new_source_passes(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=True)
    assert check_base(repo, capsys) == (0, [])


def test_correction_without_newer_verified_date_fails(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=True, verified="2026-07-05")
    data = repo.offering()
    data["cells"]["hipaa_baa"]["sources"][0]["retrieved"] = "2026-07-05"
    data["cells"]["hipaa_baa"]["sources"][0].update(url="https://vendor.example/legal/baa", kind="legal")
    repo.write(data)
    status, lines = check_base(repo, capsys)
    assert status == 1
    assert len(lines) == 1 and " TR202 " in lines[0]
    assert "verified is not newer than the base's 2026-07-05" in lines[0]


def _reread_retention(repo: Repo) -> dict:
    data = repo.offering()
    cell = data["cells"]["retention_zdr"]
    cell["facts"]["retention_days"] = 31
    cell["verified"] = "2026-11-20"
    cell["sources"][0]["retrieved"] = "2026-11-20"
    data["cells"]["hipaa_baa"]["sources"][0].pop("quote", None)  # the page's only other quote
    return data


def test_a_re_read_source_with_a_bare_new_date_fails(repo: Repo, capsys) -> None:
    repo.write(_reread_retention(repo))
    status, lines = check_base(repo, capsys)
    assert status == 1 and [line.split(": ")[1].split()[0] for line in lines] == ["TR205"]
    assert "is read again, but its excerpt is the base's: a new date is not a new reading" in lines[0]
    assert "(add the excerpt of the page as read (excerpts/" in lines[0]


def _live_excerpt(repo: Repo, url: str, passage: str, retrieved: str = "2026-11-20") -> None:
    from trustreg.excerpts import excerpt_path

    path = repo.root / str(excerpt_path(url))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"url: {url}\nretrieved: '{retrieved}'\nsha256: {'c' * 64}\npassages:\n"
                    f"- {json.dumps(passage)}\n", encoding="utf-8")


def test_a_re_read_source_with_its_excerpt_as_read_passes(repo: Repo, capsys) -> None:
    data = _reread_retention(repo)
    source = data["cells"]["retention_zdr"]["sources"][0]
    source["quote"] = "Synthetic test words: logs are kept for 31 days"
    repo.write(data)
    _live_excerpt(repo, source["url"], "Retention (test page). Synthetic test words: logs are kept "
                                       "for 31 days.")
    assert check_base(repo, capsys) == (0, [])


def test_an_excerpt_whose_dates_alone_changed_is_no_new_reading(repo: Repo, capsys) -> None:
    data = repo.offering()
    source = data["cells"]["retention_zdr"]["sources"][0]
    source["quote"] = "Synthetic test words: logs are kept for 30 days"
    data["cells"]["hipaa_baa"]["sources"][0].pop("quote")
    repo.write(data)
    _live_excerpt(repo, source["url"], "Synthetic test words: logs are kept for 30 days.", "2026-07-05")
    repo.commit("Excerpt of the page as read in July")
    repo.write(_reread_retention(repo))
    _live_excerpt(repo, source["url"], "Synthetic test words: logs are kept for 30 days.")
    status, lines = check_base(repo, capsys)
    assert status == 1 and " TR205 " in lines[0]


def test_reformatting_and_reverification_are_not_corrections(repo: Repo, capsys) -> None:
    data = repo.offering()
    data["cells"]["iso_27001"]["verified"] = "2026-11-20"
    path = repo.root / "offerings" / "synthetic-api.yaml"
    repo.write(data)
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert check_base(repo, capsys) == (0, [])


def test_unknown_base_is_a_usage_error(repo: Repo, capsys) -> None:
    assert cli.main(["--root", str(repo.root), "check", "--base", "no-such-rev"]) == 2
    assert "unknown revision 'no-such-rev'" in capsys.readouterr().err


def test_semantic_diff_command(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=True)
    (repo.root / "offerings" / "synthetic-api.yaml").rename(repo.root / "offerings" / "synthetic-vendor.yaml")
    data = repo.offering("synthetic-vendor")
    data["id"] = "synthetic-vendor"
    repo.write(data)
    repo.commit("Rename and correct")
    assert cli.main(["--root", str(repo.root), "diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "renamed synthetic-api -> synthetic-vendor"
    assert "corrected synthetic-vendor/hipaa_baa (no_public_evidence -> yes_sales_gated)" in out[1]
    assert not any(line.startswith(("added", "removed")) for line in out)


def test_first_commit_has_nothing_to_compare(registry: Path, capsys) -> None:
    Repo(registry)  # a repository without commits, as pre-commit sees it before the first one
    assert cli.main(["--root", str(registry), "check", "--base", "HEAD"]) == 0
    assert capsys.readouterr().out == ""


def test_base_outside_a_repository_is_a_usage_error(registry: Path, capsys) -> None:
    assert cli.main(["--root", str(registry), "check", "--base", "HEAD"]) == 2
    assert capsys.readouterr().err.endswith("is not in a git repository\n")


def run_check(repo: Repo, capsys: pytest.CaptureFixture[str], base: str = "HEAD",
              *args: str) -> tuple[int, list[str], str]:
    status = cli.main(["--root", str(repo.root), "check", "--base", base, *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def codes(lines: list[str]) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in lines]


def test_renamed_offering_is_still_compared(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=False)
    data = repo.offering()
    (repo.root / "offerings" / "synthetic-api.yaml").unlink()
    data["id"] = "synthetic-platform"
    repo.write(data)
    status, lines, _ = run_check(repo, capsys)
    assert status == 1 and codes(lines) == ["TR201"]
    assert "offerings/synthetic-platform.yaml" in lines[0] and "synthetic-platform/hipaa_baa" in lines[0]
    assert cli.main(["--root", str(repo.root), "diff", "HEAD"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "renamed synthetic-api -> synthetic-platform"
    assert any(line.startswith("corrected synthetic-platform/hipaa_baa") for line in out)


def test_rename_git_does_not_see_is_followed_by_what_the_files_cite() -> None:
    from trustreg.semdiff import offering_renames

    cell = {"status": "partial", "sources": [{"url": "https://a.example/doc", "role": "primary"},
                                             {"url": "https://a.example/faq", "role": "primary"}]}
    other = {"status": "partial", "sources": [{"url": "https://a.example/doc", "role": "primary"},
                                              {"url": "https://c.example/1", "role": "primary"},
                                              {"url": "https://c.example/2", "role": "primary"}]}
    old = {"x": {"developer": "a", "platform": "a", "name": "X", "cells": {"d": cell}},
           "y": {"developer": "b", "platform": "b", "name": "Y", "cells": {"d": cell}}}
    new = {"x2": {"developer": "a", "platform": "a", "name": "Renamed", "cells": {"d": cell}},
           "z": {"developer": "c", "platform": "c", "name": "Zed", "cells": {"d": other}}}
    # z shares one page of four with y, and nothing else: another offering, not y renamed
    assert offering_renames(old, new) == {"x": "x2"}


def test_an_added_offering_citing_a_removed_one_s_pages_is_it_renamed() -> None:
    from trustreg.semdiff import offering_renames

    cell = {"status": "partial", "sources": [{"url": "https://a.example/doc", "role": "primary"}]}
    moved = {"status": "partial", "sources": [{"url": "https://A.example:443/x/../doc/", "role": "primary"}]}
    old = {"y": {"developer": "b", "platform": "b", "name": "Y", "cells": {"d": cell}}}
    new = {"q": {"developer": "c", "platform": "c", "name": "Quite another", "cells": {"e": moved}}}
    assert offering_renames(old, new) == {"y": "q"}


def rename_dimension(repo: Repo, old: str, new: str) -> None:
    vocab = repo.root / "schema" / "vocabulary.yaml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace(f"id: {old}\n", f"id: {new}\n"),
                     encoding="utf-8")
    assert cli.main(["--root", str(repo.root), "schema"]) == 0
    data = repo.offering()
    data["cells"] = {(new if k == old else k): v for k, v in data["cells"].items()}
    repo.write(data)


def test_renamed_dimension_is_still_compared(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=False)
    rename_dimension(repo, "hipaa_baa", "hipaa")
    capsys.readouterr()
    status, lines, _ = run_check(repo, capsys)
    assert status == 1 and codes(lines) == ["TR201"]
    assert "synthetic-api/hipaa (was hipaa_baa): grade changed" in lines[0]
    assert cli.main(["--root", str(repo.root), "diff", "HEAD"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "renamed dimension hipaa_baa -> hipaa" in out
    assert any(line.startswith("corrected synthetic-api/hipaa (was hipaa_baa) (no_public_evidence")
               for line in out)


def test_a_pure_dimension_rename_is_no_correction(repo: Repo, capsys) -> None:
    rename_dimension(repo, "hipaa_baa", "hipaa")
    capsys.readouterr()
    assert run_check(repo, capsys)[:2] == (0, [])


@pytest.mark.parametrize("variant", [
    "https://trust.vendor.example/#faq", "https://trust.vendor.example/",
    "https://trust.vendor.example/?lang=en", "https://Trust.Vendor.EXAMPLE",
    "https://trust.vendor.example//#", "https://www.trust.vendor.example",
    "https://trust.vendor.example:443/"])
def test_a_cosmetic_variant_of_a_cited_link_is_not_a_new_source(repo: Repo, capsys,
                                                                 variant: str) -> None:
    correct_hipaa(repo, source=True)
    data = repo.offering()
    data["cells"]["hipaa_baa"]["sources"][0].update(url=variant, retrieved="2026-07-05")
    repo.write(data)
    status, lines, _ = run_check(repo, capsys)
    assert status == 1 and sorted(codes(lines)) == ["TR125", "TR201"]  # and it cites the page twice


def test_a_lead_turned_primary_is_not_fresh_evidence(repo: Repo, capsys) -> None:
    data = repo.offering()
    lead = data["cells"]["hipaa_baa"]["sources"][1]
    data["cells"]["hipaa_baa"]["sources"][1] = {"url": "https://vendor.example/healthcare/baa", **lead}
    repo.write(data)
    repo.commit("Give the lead its link")
    correct_hipaa(repo, source=False)
    data = repo.offering()
    data["cells"]["hipaa_baa"]["sources"][1].update(role="primary", retrieved="2026-07-05",
                                                    kind="documentation")
    repo.write(data)
    status, lines, _ = run_check(repo, capsys)
    assert status == 1 and codes(lines) == ["TR201"]


@pytest.mark.parametrize(("retrieved", "fails"), [("2026-07-01", ["TR201"]), ("2026-07-05", ["TR201"]),
                                                  ("2026-07-06", ["TR205"])])
def test_a_re_retrieved_source_must_be_read_after_the_base_verified(repo: Repo, capsys, retrieved: str,
                                                                    fails: list[str]) -> None:
    data = repo.offering()
    data["cells"]["hipaa_baa"]["sources"][0]["retrieved"] = "2026-06-01"
    repo.write(data)
    repo.commit("An older reading")
    correct_hipaa(repo, source=False)
    data = repo.offering()
    data["cells"]["hipaa_baa"]["sources"][0]["retrieved"] = retrieved
    repo.write(data)
    status, lines, _ = run_check(repo, capsys)
    assert (status, codes(lines)) == (1, fails)  # a later date alone is no reading: TR205


def test_a_domain_added_to_an_organisation_is_reported(repo: Repo, capsys) -> None:
    org = repo.root / "organisations" / "synthetic-vendor.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("- vendor.example\n",
                                                           "- vendor.example\n- synthetic-docs.example\n"),
                   encoding="utf-8")
    correct_hipaa(repo, source=True)
    data = repo.offering()
    data["cells"]["hipaa_baa"]["sources"][0].update(url="https://synthetic-docs.example/baa",
                                                    kind="documentation")
    repo.write(data)
    status, lines, _ = run_check(repo, capsys)
    assert status == 0 and codes(lines) == ["TR203"]  # a warning, for the reviewer
    assert lines[0].startswith("organisations/synthetic-vendor.yaml:6:")
    assert "domain synthetic-docs.example added since the base" in lines[0]


@pytest.mark.parametrize("rename", [False, True])
def test_a_base_whose_file_does_not_load_is_a_finding(repo: Repo, capsys, rename: bool) -> None:
    path = repo.root / "offerings" / "synthetic-api.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "id: duplicate\n", encoding="utf-8")
    repo.commit("Break the file")
    path.write_text(good, encoding="utf-8")
    correct_hipaa(repo, source=False)
    if rename:
        data = repo.offering()
        path.unlink()
        data["id"] = "synthetic-platform"
        repo.write(data)
    status, lines, _ = run_check(repo, capsys)
    assert status == 1 and codes(lines) == ["TR200"]
    assert "offerings/synthetic-api.yaml does not load there (duplicate key 'id'" in lines[0]


def test_an_empty_base_is_a_usage_error(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=False)
    status, lines, err = run_check(repo, capsys, "")
    assert status == 2 and lines == [] and "--base needs a revision" in err


def test_a_branch_behind_its_base_is_not_blamed_for_the_base_s_later_commits(repo: Repo, capsys) -> None:
    repo.git("checkout", "-q", "-b", "fix")
    (repo.root / "NOTES.md").write_text("A branch's own commit.\n", encoding="utf-8")
    repo.commit("Notes")
    repo.git("checkout", "-q", "main")
    correct_hipaa(repo, source=True)
    repo.commit("A correction on main")
    repo.git("checkout", "-q", "fix")
    status, lines, err = run_check(repo, capsys, "main")
    assert (status, lines) == (0, [])
    assert "where HEAD and main diverge (merge base)" in err
    correct_hipaa(repo, source=False)  # the branch's own unsourced correction is still caught
    assert codes(run_check(repo, capsys, "main")[1]) == ["TR201"]


def test_base_at_head_warns_that_commits_are_not_compared(repo: Repo, capsys) -> None:
    correct_hipaa(repo, source=False)
    repo.commit("An unsourced correction on main")
    status, lines, err = run_check(repo, capsys, "main")
    assert (status, lines) == (0, [])
    assert err.startswith("warning: --base main is HEAD itself") and err.count("\n") == 2
    assert err.endswith("\nchecked 1 offering and 2 organisations: no findings\n")


def test_without_git_base_is_a_usage_error(repo: Repo, capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    status, lines, err = run_check(repo, capsys)
    assert status == 2 and lines == [] and "cannot run git" in err and "Traceback" not in err


def test_an_organisation_turned_authority_is_reported(repo: Repo, capsys) -> None:
    org = repo.root / "organisations" / "synthetic-vendor.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("kind: company", "kind: authority"),
                   encoding="utf-8")
    lines = [line for line in run_check(repo, capsys)[1] if " TR2" in line]
    assert codes(lines) == ["TR203"]
    assert "synthetic-vendor: kind changed from company to authority since the base" in lines[0]


def test_link_keys_ignore_only_cosmetic_differences() -> None:
    from trustreg.urls import page_key

    assert page_key("https://bücher.example/A%20b/") == page_key("https://xn--bcher-kva.example/a b")
    for same in ("https://trustcenter.cohere.com/./", "https://trustcenter.cohere.com/x/../",
                 "https://TRUSTCENTER.cohere.com:443", "https://trustcenter.cohere.com/%2e/",
                 "https://trustcenter.cohere.com.//?utm=1#top", "http://www.trustcenter.cohere.com/"):
        assert page_key(same) == page_key("https://trustcenter.cohere.com/"), same
    assert page_key("https://a.example/%41") == page_key("https://a.example/a/")
    assert page_key("https://a.example/x") != page_key("https://a.example/y")
    assert page_key("https://a.example/x") != page_key("https://b.example/x")
    assert page_key("https://a.example:8443/x") != page_key("https://a.example/x")


def _draft_correction(repo: Repo, date: str) -> None:
    data = repo.offering()
    cell = data["cells"]["hipaa_baa"]
    cell.pop("verified")
    cell["draft"] = {"by": "Test grader (synthetic)", "date": date}
    cell.update(status="yes_sales_gated", caveat="Synthetic: BAA on request.")
    cell["sources"].insert(0, {"url": "https://trust.vendor.example/faq/baa", "title": "Test FAQ",
                               "kind": "trust_center", "role": "primary",
                               "quote": "Synthetic FAQ words: a BAA is available on request",
                               "copy": {"held_by": "Synthetic Copy Archive (test)"}})
    repo.write(data)
    path = repo.root / "excerpts/trust.vendor.example/faq-baa.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("url: https://trust.vendor.example/faq/baa\ncopy:\n  held_by: Synthetic Copy "
                    "Archive (test)\npassages:\n- 'Synthetic FAQ words: a BAA is available on request.'\n",
                    encoding="utf-8")


def test_a_correction_may_be_a_draft_with_a_newer_draft_date(repo: Repo, capsys) -> None:
    _draft_correction(repo, "2026-11-20")
    assert check_base(repo, capsys) == (0, [])


def test_a_draft_correction_dated_before_the_base_fails(repo: Repo, capsys) -> None:
    _draft_correction(repo, "2026-07-05")
    status, lines = check_base(repo, capsys)
    assert status == 1 and len(lines) == 1 and " TR202 " in lines[0]
    assert "the draft's date is not newer than the base's 2026-07-05" in lines[0]


def test_a_draft_re_read_in_a_copy_captured_later_needs_new_passages(repo: Repo, capsys) -> None:
    _draft_correction(repo, "2026-11-20")
    repo.commit("A draft from a copy")
    data = repo.offering()
    cell = data["cells"]["hipaa_baa"]
    cell["draft"]["date"] = "2026-11-22"
    cell["caveat"] = "Synthetic: BAA on request, reworded."
    cell["sources"][0]["copy"]["captured"] = "2026-11-01"
    repo.write(data)
    path = repo.root / "excerpts/trust.vendor.example/faq-baa.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "(test)\n", "(test)\n  captured: '2026-11-01'\n"), encoding="utf-8")
    status, lines = check_base(repo, capsys)
    assert status == 1 and [line.split(": ")[1].split()[0] for line in lines] == ["TR205"]

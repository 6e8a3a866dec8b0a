"""CHANGELOG.md from real git history: corrections, credits, releases, renames, broken commits."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from trustreg import cli
from trustreg.changelog import changelog_text, md
from trustreg.vocabulary_file import load_vocabulary

from .gitrepo import Repo

SOURCE = {"url": "https://trust.vendor.example/faq/baa", "title": "Synthetic Vendor Trust Center FAQ",
          "kind": "trust_center", "role": "primary", "retrieved": "2026-11-20"}


@pytest.fixture
def repo(registry: Path) -> Repo:
    repo = Repo(registry)
    repo.commit("Add the registry", author="Maintainer <maint@example.org>")
    return repo


def correct(repo: Repo, message: str, author: str = "Alice Example <alice@example.org>") -> None:
    data = repo.offering()
    cell = data["cells"]["hipaa_baa"]
    cell.update(status="yes_sales_gated", caveat="Synthetic: BAA on request.", verified="2026-11-20")
    cell["sources"].insert(0, dict(SOURCE))
    repo.write(data)
    repo.commit(message, author=author)


def generate(repo: Repo, warnings: list[str] | None = None) -> str:
    sink = warnings if warnings is not None else []
    return changelog_text(repo.root, load_vocabulary(repo.root), warn=sink.append)


def test_correction_lists_grades_source_and_author(repo: Repo) -> None:
    correct(repo, "Correct HIPAA BAA")
    text = generate(repo)
    line = next(x for x in text.splitlines() if "HIPAA BAA" in x)
    assert "No public evidence → Yes, sales-gated (caveat changed too)." in line
    assert "[Synthetic Vendor Trust Center FAQ](https://trust.vendor.example/faq/baa)" in line
    assert line.endswith("Credit: Alice Example.")
    assert "- Synthetic API (`synthetic-api`): 11 cells, 7 watch-outs. Credit: Maintainer." in text


def test_co_authors_and_reporters_are_credited_once(repo: Repo) -> None:
    correct(repo, "Correct HIPAA BAA\n\nCo-authored-by: Bob Ørsted <bob@example.org>\n"
                  "Co-authored-by: Alice Example <ALICE@example.org>\n"
                  "Reported-by: Chloé Durand <chloe@example.org>\n",
            author="Alice Example <alice@example.org>")
    line = next(x for x in generate(repo).splitlines() if "HIPAA BAA" in x)
    assert line.endswith("Credit: Alice Example, Bob Ørsted; reported by Chloé Durand.")


def test_broken_yaml_in_history_is_skipped_with_a_warning(repo: Repo) -> None:
    path = repo.root / "offerings" / "synthetic-api.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "id: duplicate\n", encoding="utf-8")
    broken = repo.commit("Break the file")
    path.write_text(good, encoding="utf-8")
    repo.commit("Repair the file")
    correct(repo, "Correct HIPAA BAA")
    warnings: list[str] = []
    text = generate(repo, warnings)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"warning: commit {broken[:10]}: offerings/synthetic-api.yaml")
    assert "TR003 duplicate key 'id'" in warnings[0]
    assert text.count("HIPAA BAA") == 1
    assert "Removed" not in text and text.count("### Added") == 1


def test_rename_is_not_remove_and_add(repo: Repo) -> None:
    data = repo.offering()
    (repo.root / "offerings" / "synthetic-api.yaml").unlink()
    data["id"] = "synthetic-platform"
    repo.write(data)
    repo.commit("Rename the offering")
    text = generate(repo)
    assert "- `synthetic-api` is now `synthetic-platform` (Synthetic API). Credit: Alice Example." in text
    assert "### Removed" not in text
    assert text.count("### Added") == 1


def test_releases_by_date_tag_and_check(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.git("tag", "2026.07.05")
    correct(repo, "Correct HIPAA BAA")
    data = repo.offering()
    data["cells"]["iso_27001"]["verified"] = "2026-11-20"
    repo.write(data)
    repo.commit("Re-verify ISO 27001")
    text = generate(repo)
    unreleased, released = text.split("## [2026.07.05] - 2026-07-05")
    assert "## [Unreleased]" in unreleased and "HIPAA BAA" in unreleased
    assert "- Synthetic API (`synthetic-api`): 1 cell re-verified without change." in unreleased
    assert "synthetic-api" in released and "HIPAA" not in released
    root = str(repo.root)
    assert cli.main(["--root", root, "changelog"]) == 0
    first = (repo.root / "CHANGELOG.md").read_bytes()
    assert cli.main(["--root", root, "changelog"]) == 0
    assert (repo.root / "CHANGELOG.md").read_bytes() == first
    assert cli.main(["--root", root, "changelog", "--check"]) == 0
    changelog = repo.root / "CHANGELOG.md"
    changelog.write_text(changelog.read_text(encoding="utf-8").replace("11 cells", "12 cells"),
                         encoding="utf-8")
    assert cli.main(["--root", root, "changelog", "--check"]) == 1
    assert "out of date" in capsys.readouterr().out


def test_merge_credits_the_merged_work(repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "fix")
    correct(repo, "Correct HIPAA BAA", author="Dana Contributor <dana@example.org>")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge pull request 1", "fix",
             author="Maintainer <maint@example.org>")
    line = next(x for x in generate(repo).splitlines() if "HIPAA BAA" in x)
    assert "Credit: Maintainer, Dana Contributor." in line


def test_hostile_text_is_escaped(repo: Repo) -> None:
    data = repo.offering()
    data["name"] = "Evil [click](javascript:alert(1)) <script>x</script>"
    repo.write(data)
    repo.commit("Rename", author="Mallory <mallory@example.org>")
    line = next(x for x in generate(repo).splitlines() if "Evil" in x)
    assert "[click](" not in line and "<script>" not in line
    assert md("[a](b) <c>") == "\\[a\\]\\(b\\) \\<c\\>"


def plant_commit(repo: Repo, raw: bytes) -> str:
    """A commit object written byte for byte (git commit would refuse some of these bytes)."""
    sha = subprocess.run(["git", "-C", str(repo.root), "hash-object", "-t", "commit", "-w", "--stdin",
                          "--literally"], input=raw, capture_output=True, check=True).stdout.decode().strip()
    repo.git("update-ref", "HEAD", sha)
    repo.git("reset", "-q", "--hard")
    return sha


def test_log_format_bytes_in_a_message_neither_crash_nor_forge(repo: Repo) -> None:
    forged = "\x1e" + "f" * 40 + "\x1f\x1fEve Forger\x1feve@example.org\x1f2026-01-01\x1fforged\x1f"
    correct(repo, f"Correct HIPAA BAA{forged}\n\nbody{forged}")
    parent = repo.git("rev-parse", "HEAD").strip()
    data = repo.offering()
    data["cells"]["iso_27001"].update(verified="2026-11-20", caveat="Synthetic: scope narrowed.")
    repo.write(data)
    repo.commit("Narrow")
    tree = repo.git("rev-parse", "HEAD^{tree}").strip()
    plant_commit(repo, (f"tree {tree}\nparent {parent}\n".encode()
                        + b"author Zo\xe9 \xff <zoe@example.org> 1764000000 +0100\n"
                        + b"committer Zoe <zoe@example.org> 1764000000 +0100\n\n"
                        + b"Narrow\0\x1e\x1fEve\x1feve@example.org\n\nCo-authored-by: Eve <eve@example.org>"))
    text = generate(repo)
    assert "Eve Forger" not in text and "forged" not in text
    line = next(x for x in text.splitlines() if "ISO 27001" in x)
    assert line.endswith("Credit: Zo\ufffd \ufffd, Eve.")  # the trailer's co-author, no forged record


def test_a_file_name_that_is_not_utf8_does_not_crash(repo: Repo) -> None:
    odd = repo.root / "offerings" / os.fsdecode(b"odd-\xff.yaml")
    odd.write_text("id: [unclosed\n", encoding="utf-8")
    repo.commit("An odd file name")
    warnings: list[str] = []
    generate(repo, warnings)
    assert len(warnings) == 1 and ": offerings/odd-\\xff.yaml does not load, skipped" in warnings[0]


def test_keys_and_grades_of_an_invalid_commit_are_escaped(repo: Repo) -> None:
    data = repo.offering()
    data["cells"]["hipaa_baa"].update({"status": "<b>[x](https://evil.example)</b>", "<i>k</i>": 1})
    data["cells"]["iso_27001"]["sources"] = ["not a source", {"url": 5, "role": "primary"}]
    repo.write(data)
    repo.commit("Invalid data")
    data["cells"] = ["not", "cells"]
    repo.write(data)
    repo.commit("More invalid data")
    text = generate(repo)
    assert LIVE.findall(text) == [] and "<" not in text.replace("\\<", "")


LIVE = re.compile(r"(?<!\\)<[a-zA-Z/!]|(?<!\\)\]\((?!https://trust\.vendor\.example)")


def test_urls_in_names_do_not_become_links(repo: Repo) -> None:
    correct(repo, "Correct\n\nCo-authored-by: www.evil.example <a@example.org>\n"
                  "Reported-by: Rex mailto:x@evil.example <r@example.org>",
            author="Eve https://evil.example/x <eve@example.org>")
    line = next(x for x in generate(repo).splitlines() if "HIPAA BAA" in x)
    credit = line.split("Credit: ")[1]
    assert credit == ("Eve https\\[:\\]//evil\\[.\\]example/x, www\\[.\\]evil\\[.\\]example; reported by "
                      "Rex mailto\\[:\\]x\\[@\\]evil\\[.\\]example.")
    assert not re.search(r"https?://|www\.|\w@\w|\w\.\w", credit)


def test_shallow_clone_says_so(repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    correct(repo, "Correct HIPAA BAA")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.root.as_uri(), str(clone)], check=True)
    for args in (["changelog", "--check"], ["changelog"]):
        assert cli.main(["--root", str(clone), *args]) == 2
        assert "the git history is shallow" in capsys.readouterr().err
    assert not (clone / "CHANGELOG.md").exists()


@pytest.mark.parametrize("tag", ["2026.12.01\n", " 2026.12.01", "2026.13.45", "2026-12-01", ""])
def test_release_takes_only_a_date_tag(repo: Repo, capsys: pytest.CaptureFixture[str], tag: str) -> None:
    assert cli.main(["--root", str(repo.root), "changelog", "--release", tag]) == 2
    assert "is not a date tag" in capsys.readouterr().err
    assert not (repo.root / "CHANGELOG.md").exists()


def test_text_from_history_never_autolinks() -> None:
    text = md("https://evil.example WWW.evil.example a@evil.example v1.2")
    assert text == "https\\[:\\]//evil.example WWW\\[.\\]evil.example a\\[@\\]evil.example v1.2"

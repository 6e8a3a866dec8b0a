"""CHANGELOG.md from real git history: corrections, credits, releases, renames, broken commits."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli
from trustreg.changelog import changelog_text, md
from trustreg.vocabulary import load_vocabulary

from .gitrepo import Repo

SOURCE = {"url": "https://trustcenter.cohere.com/faq/baa", "title": "Cohere Trust Center FAQ",
          "role": "primary", "retrieved": "2026-11-20"}


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
    assert "[Cohere Trust Center FAQ](https://trustcenter.cohere.com/faq/baa)" in line
    assert line.endswith("Credit: Alice Example.")
    assert "- Cohere API (`cohere-api`): 11 cells, 7 watch-outs. Credit: Maintainer." in text


def test_co_authors_and_reporters_are_credited_once(repo: Repo) -> None:
    correct(repo, "Correct HIPAA BAA\n\nCo-authored-by: Bob Ørsted <bob@example.org>\n"
                  "Co-authored-by: Alice Example <ALICE@example.org>\n"
                  "Reported-by: Chloé Durand <chloe@example.org>\n",
            author="Alice Example <alice@example.org>")
    line = next(x for x in generate(repo).splitlines() if "HIPAA BAA" in x)
    assert line.endswith("Credit: Alice Example, Bob Ørsted; reported by Chloé Durand.")


def test_broken_yaml_in_history_is_skipped_with_a_warning(repo: Repo) -> None:
    path = repo.root / "offerings" / "cohere-api.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "id: duplicate\n", encoding="utf-8")
    broken = repo.commit("Break the file")
    path.write_text(good, encoding="utf-8")
    repo.commit("Repair the file")
    correct(repo, "Correct HIPAA BAA")
    warnings: list[str] = []
    text = generate(repo, warnings)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"warning: commit {broken[:10]}: offerings/cohere-api.yaml")
    assert "TR003 duplicate key 'id'" in warnings[0]
    assert text.count("HIPAA BAA") == 1
    assert "Removed" not in text and text.count("### Added") == 1


def test_rename_is_not_remove_and_add(repo: Repo) -> None:
    data = repo.offering()
    (repo.root / "offerings" / "cohere-api.yaml").unlink()
    data["id"] = "cohere-platform"
    repo.write(data)
    repo.commit("Rename the offering")
    text = generate(repo)
    assert "- `cohere-api` is now `cohere-platform` (Cohere API). Credit: Alice Example." in text
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
    assert "- Cohere API (`cohere-api`): 1 cell re-verified without change." in unreleased
    assert "cohere-api" in released and "HIPAA" not in released
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

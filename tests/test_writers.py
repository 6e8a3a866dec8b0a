"""Every writer validates what it writes with check's rules, or refuses in one line and writes
nothing; concurrent writers of one cell never lose a write."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from .nettools import COHERE, cohere, trustreg


@pytest.fixture
def run(registry: Path, capsys: pytest.CaptureFixture[str]):
    return partial(trustreg, registry, capsys)


@pytest.mark.parametrize(("note", "code"), [
    ("See <a href='https://x.example'>the page</a>", "TR115"),
    ("See [the page](https://x.example)", "TR115"),
    ("Open javascript:alert(1)", "TR115"),
    ("Fine\u202e enif", "TR001"),  # a bidi override
    ("Bell \x07 rings", "TR001"),
])
@pytest.mark.parametrize("field", ["--dismiss", "--alert", "--by"])
def test_review_refuses_what_check_refuses(registry: Path, run, note: str, code: str, field: str) -> None:
    before = (registry / COHERE).read_bytes()
    args = {"--dismiss": "Checked.", "--alert": "watch", "--by": "Ana", field: note}
    status, _, err = run("review", "cohere-api", "soc2_type2", *[x for kv in args.items() for x in kv])
    assert status == 1 and err.count("\n") == 1
    assert err.startswith("offerings/cohere-api.yaml:") and f" {code} " in err
    assert err.rstrip().endswith("nothing was written)")
    assert (registry / COHERE).read_bytes() == before


def test_review_of_a_cell_with_an_older_error_still_writes(registry: Path, run) -> None:
    """Only what the edit brings in blocks it: an error the file had is for a person to fix."""
    path = registry / COHERE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "evidence: Cohere", "evidence: See <b>this</b>. Cohere", 1), encoding="utf-8")
    assert run("check")[0] == 1
    status, out, _ = run("review", "cohere-api", "soc2_type2", "--dismiss", "Checked.", "--by", "Ana")
    assert status == 0 and "review added" in out


@pytest.mark.parametrize(("args", "code"), [
    (["--name", "Synthetic", "--domain", "synthetic.example", "--trust-center", "javascript:alert(1)"],
     "TR107"),
    (["--name", "Synthetic", "--domain", "synthetic.example", "--trust-center", "http://synthetic.example"],
     "TR107"),
    (["--name", "Synthetic\x1b[2J", "--domain", "synthetic.example"], "TR001"),
    (["--name", "Synthetic\u202e", "--domain", "synthetic.example"], "TR001"),
    (["--name", "<b>Synthetic</b>", "--domain", "synthetic.example"], "TR115"),
])
def test_new_organisation_refuses_what_check_refuses(registry: Path, run, args: list[str], code: str) -> None:
    status, _, err = run("new-organisation", "synthetic", *args)
    assert status == 2 and err.count("\n") == 1
    assert err.startswith("trustreg new-organisation: organisations/synthetic.yaml:") and f" {code} " in err
    assert not (registry / "organisations" / "synthetic.yaml").exists()


@pytest.mark.parametrize(("name", "code"), [("Synthetic\x07 API", "TR001"),
                                            ("<i>Synthetic</i> API", "TR115")])
def test_new_refuses_a_name_check_refuses(registry: Path, run, name: str, code: str) -> None:
    status, _, err = run("new", "synthetic-api", "--name", name, "--developer", "cohere",
                         "--platform", "cohere")
    assert status == 1 and err.count("\n") == 1 and f" {code} " in err
    assert not (registry / "offerings" / "synthetic-api.yaml").exists()


def test_new_with_a_plain_name_still_writes_its_scaffold(registry: Path, run) -> None:
    status, out, _ = run("new", "synthetic-api", "--name", "Synthetic API", "--developer", "cohere",
                         "--platform", "cohere")
    assert status == 0 and out.startswith("wrote offerings/synthetic-api.yaml")


def test_concurrent_reviews_of_one_cell_all_land(registry: Path) -> None:
    """Eight processes at once (the audit lost 4 of 8 writes): each review is in the file."""
    env = {**os.environ, "TRUSTREG_TODAY": "2026-11-24"}
    command = [sys.executable, "-m", "trustreg", "--root", str(registry), "review", "cohere-api",
               "soc2_type2", "--by", "Ana", "--dismiss"]
    processes = [subprocess.Popen([*command, f"Checked by process {n}."], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(8)]
    for process in processes:
        process.communicate(timeout=120)
        assert process.returncode == 0
    notes = [r["note"] for r in cohere(registry)["cells"]["soc2_type2"].get("reviews", [])]
    assert sorted(n for n in notes if n.startswith("Checked by process")) == \
        [f"Checked by process {n}." for n in range(8)]


def test_fix_never_turns_a_clean_file_into_a_failing_one(registry: Path, run,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """fix writes the same data in canonical form; were a migration to bring in an error (here
    one made to), the file would be left as it was."""
    from trustreg import fixer

    def bad_migration(data: dict) -> dict:
        return {**data, "summary": "<b>migrated</b>"}

    path = registry / COHERE
    path.write_text(path.read_text(encoding="utf-8").replace("\ncells:", "\n\ncells:", 1), encoding="utf-8")
    before = path.read_bytes()
    monkeypatch.setattr(fixer, "migrate", bad_migration)
    status, _, err = run("fix")
    assert status == 1 and " TR115 summary contains an HTML tag" in err and "nothing was written" in err
    assert path.read_bytes() == before

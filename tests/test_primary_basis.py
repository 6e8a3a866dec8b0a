"""TR204: `check --base` shows changes to the independent parties of the vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli

from .gitrepo import Repo


def check_base(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = cli.main(["--root", str(root), "check", "--base", "HEAD"])
    return status, capsys.readouterr().out.splitlines()


def test_unchanged_parties_are_quiet(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Repo(registry).commit("Add the registry")
    assert check_base(registry, capsys) == (0, [])


def test_changed_remit_is_shown(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Repo(registry).commit("Add the registry")
    vocab = registry / "schema" / "vocabulary.yaml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace(
        "remit: [gpai_cop]", "remit: [gpai_cop, soc2_type2]"),
        encoding="utf-8")
    status, lines = check_base(registry, capsys)
    assert status == 0  # a reviewer decides; the check does not refuse it
    [line] = lines
    assert line.startswith("schema/vocabulary.yaml:")
    assert line.endswith(
        ":5: TR204 warning: independent party european-commission changed since the base "
        "(primary for gpai_cop, soc2_type2) (a reviewer confirms it: this decides "
        "which sources count as primary)")


@pytest.mark.parametrize(("old", "new", "says"), [
    ("  - id: blog\n    primary: false", "  - id: blog\n    primary: true",
     "source kind blog: primary changed from false to true since the base"),
    ("    positive: true\n    evidence: primary\n    forbids_routes: [nda, sales_contract, approval]",
     "    positive: true\n    evidence: none\n    forbids_routes: [nda, sales_contract, approval]",
     "grade yes_public: evidence changed from primary to none since the base"),
    ("    forbids_routes: [public]", "    forbids_routes: []",
     "grade yes_sales_gated: forbids_routes changed from [public] to [] since the base"),
    ("  - id: partial\n    label: Partial\n", "  - id: partial\n    label: Partial\n    positive: true\n",
     "grade partial: positive changed from false to true since the base"),
])
def test_changed_evidence_rules_are_shown(registry: Path, capsys: pytest.CaptureFixture[str],
                                          old: str, new: str, says: str) -> None:
    Repo(registry).commit("Add the registry")
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    assert old in text
    vocab.write_text(text.replace(old, new), encoding="utf-8")
    lines = check_base(registry, capsys)[1]
    found = [line for line in lines if " TR204 " in line]
    assert len(found) == 1 and says in found[0], lines
    assert found[0].startswith("schema/vocabulary.yaml:") and "(a reviewer confirms it" in found[0]


def test_lead_pages_changed_are_shown(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = Repo(registry)
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    if "primary_pages:" not in text:  # a vocabulary without them gets them, as a rule change too
        text += "primary_pages: []\n"
    vocab.write_text(text, encoding="utf-8")
    repo.commit("Add the registry")
    vocab.write_text(text.replace("primary_pages: []", "primary_pages:\n  - url: https://vendor.example/blog/"
                                  "\n    reason: Synthetic reviewed exception"), encoding="utf-8")
    lines = [line for line in check_base(registry, capsys)[1] if " TR204 " in line]
    assert len(lines) == 1 and "primary_pages entry 1 is new or changed since the base" in lines[0]

"""TR203: `check --base` shows changes to independent parties and organisation domains."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli

from .gitrepo import Repo


def check_base(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = cli.main(["--root", str(root), "check", "--base", "HEAD"])
    return status, capsys.readouterr().out.splitlines()


def test_unchanged_basis_is_quiet(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Repo(registry).commit("Add the registry")
    assert check_base(registry, capsys) == (0, [])


def test_changed_remit_and_domains_are_shown(registry: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    Repo(registry).commit("Add the registry")
    vocab = registry / "schema" / "vocabulary.yaml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace(
        "remit: [gpai_cop, art53_summary]", "remit: [gpai_cop, art53_summary, soc2_type2]"),
        encoding="utf-8")
    org = registry / "organisations" / "cohere.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("- cohere.com\n",
                                                           "- cohere.com\n- cohere.example\n"),
                   encoding="utf-8")
    status, lines = check_base(registry, capsys)
    assert status == 0  # a reviewer decides; the check does not refuse it
    assert lines == [
        "organisations/cohere.yaml:5:1: TR203 warning: cohere declares domains cohere.com, "
        "cohere.example (domains were cohere.com) (a reviewer confirms it: this decides which "
        "sources count as primary)",
        "schema/vocabulary.yaml:" + lines[1].split(":", 2)[1] + ":5: TR203 warning: independent "
        "party european-commission changed since the base (primary for gpai_cop, art53_summary, "
        "soc2_type2) (a reviewer confirms it: this decides which sources count as primary)"]

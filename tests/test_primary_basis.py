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

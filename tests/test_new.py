"""`trustreg new` scaffolds a file that fails check only where a person must fill in facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli


def test_scaffold_fails_only_on_human_fields(registry: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(registry), "new", "synthetic-api", "--name", "Synthetic API",
                     "--developer", "cohere", "--platform", "cohere"]) == 0
    capsys.readouterr()
    assert cli.main(["--root", str(registry), "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("offerings/synthetic-api.yaml:") for line in lines)
    assert all(line.endswith("is empty (fill it in)") for line in lines), lines
    fields = {line.split(" TR100 ")[1].split(" is empty")[0] for line in lines}
    assert {"model_family", "summary", "cells.hipaa_baa.caveat",
            "cells.art53_summary.evidence"} <= fields
    assert len(fields) == 2 + 2 * 11


@pytest.mark.parametrize("ident", ["../escape", "Upper-Case", "cohere-api"])
def test_bad_or_taken_id_is_a_usage_error(registry: Path, capsys: pytest.CaptureFixture[str],
                                          ident: str) -> None:
    before = sorted(p.name for p in (registry / "offerings").iterdir())
    assert cli.main(["--root", str(registry), "new", ident]) == 2
    assert capsys.readouterr().err.startswith("trustreg new: ")
    assert sorted(p.name for p in (registry / "offerings").iterdir()) == before


@pytest.mark.parametrize("role", ["--developer", "--platform"])
def test_undeclared_organisation_is_a_usage_error(registry: Path, capsys: pytest.CaptureFixture[str],
                                                  role: str) -> None:
    assert cli.main(["--root", str(registry), "new", "synthetic-api", role, "no-such-org"]) == 2
    assert "'no-such-org' is not declared in organisations/" in capsys.readouterr().err
    assert not (registry / "offerings" / "synthetic-api.yaml").exists()

"""`trustreg new` scaffolds a file that asserts nothing; `new-organisation` declares a party."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from trustreg import cli


def test_untouched_scaffold_fails_check_and_asserts_nothing(
        registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(registry), "new", "synthetic-new-api", "--name", "Synthetic New API",
                     "--developer", "synthetic-vendor", "--platform", "synthetic-vendor"]) == 0
    capsys.readouterr()
    text = (registry / "offerings" / "synthetic-new-api.yaml").read_text(encoding="utf-8")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # no date nobody checked
    assert not re.search(r"status: \w", text) and not re.search(r"confidence: \w", text)
    assert "category: first_party" in text  # derived from developer == platform, not a default
    assert cli.main(["--root", str(registry), "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("offerings/synthetic-new-api.yaml:") for line in lines)
    assert all(" is empty (" in line for line in lines), lines
    fields = {line.split(" TR1")[1].split(" ", 1)[1].split(" is empty")[0] for line in lines}
    assert {"model_family", "summary", "cells.hipaa_baa.status", "cells.hipaa_baa.confidence",
            "cells.hipaa_baa.verified", "cells.art53_summary.evidence"} <= fields
    assert len(fields) == 2 + 4 * 11
    assert "caveat" not in text  # optional: TR104 asks for it once the grade needs one
    assert any("verified is empty (write the day you checked it, as YYYY-MM-DD)" in line for line in lines)
    assert any("status is empty (choose one of: yes_public," in line for line in lines)


def test_category_of_a_distribution_is_derived(registry: Path) -> None:
    assert cli.main(["--root", str(registry), "new", "synthetic-dist", "--developer", "synthetic-vendor",
                     "--platform", "european-commission"]) == 0
    text = (registry / "offerings" / "synthetic-dist.yaml").read_text(encoding="utf-8")
    assert "category: cloud_distribution" in text


@pytest.mark.parametrize("ident", ["../escape", "Upper-Case", "synthetic-api", "ok\n", "tab\tid", "a--b"])
def test_bad_or_taken_id_is_a_usage_error(registry: Path, capsys: pytest.CaptureFixture[str],
                                          ident: str) -> None:
    before = sorted(p.name for p in (registry / "offerings").iterdir())
    assert cli.main(["--root", str(registry), "new", ident]) == 2
    assert capsys.readouterr().err.startswith("trustreg new: ")
    assert sorted(p.name for p in (registry / "offerings").iterdir()) == before


@pytest.mark.parametrize("role", ["--developer", "--platform"])
def test_undeclared_organisation_is_a_usage_error(registry: Path, capsys: pytest.CaptureFixture[str],
                                                  role: str) -> None:
    assert cli.main(["--root", str(registry), "new", "synthetic-new-api", role, "no-such-org"]) == 2
    err = capsys.readouterr().err
    assert "'no-such-org' is not declared in organisations/" in err
    assert "trustreg new-organisation no-such-org" in err
    assert not (registry / "offerings" / "synthetic-new-api.yaml").exists()


def test_new_organisation_then_new_offering_checks_clean_but_for_human_fields(
        registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(registry), "new-organisation", "synthetic-labs", "--name",
                     "Synthetic Labs", "--domain", "Synthetic.Example", "--domain", "docs.synthetic.example",
                     "--trust-center", "https://trust.synthetic.example"]) == 0
    org = (registry / "organisations" / "synthetic-labs.yaml").read_text(encoding="utf-8")
    assert org == ("id: synthetic-labs\nname: Synthetic Labs\nkind: company\ndomains:\n"
                   "- synthetic.example\n- docs.synthetic.example\n"
                   "trust_center: https://trust.synthetic.example\n")
    assert cli.main(["--root", str(registry), "new", "synthetic-labs-api", "--developer", "synthetic-labs",
                     "--platform", "synthetic-labs"]) == 0
    capsys.readouterr()
    declared = registry / "organisations" / "synthetic-labs.yaml"
    assert cli.main(["--root", str(registry), "check", str(declared)]) == 0


@pytest.mark.parametrize("args", [
    ["new-organisation", "synthetic-vendor", "--name", "Again", "--domain", "vendor.example"],
    ["new-organisation", "synthetic-x", "--name", "X", "--domain", "https://x.example/"],
    ["new-organisation", "synthetic-x", "--name", "X", "--domain", "not a domain"],
    ["new-organisation", "Bad_Id", "--name", "X", "--domain", "x.example"],
])
def test_new_organisation_refuses_bad_input(registry: Path, capsys: pytest.CaptureFixture[str],
                                            args: list[str]) -> None:
    before = sorted(p.read_bytes() for p in (registry / "organisations").iterdir())
    assert cli.main(["--root", str(registry), *args]) == 2
    assert capsys.readouterr().err.startswith("trustreg new-organisation: ")
    assert sorted(p.read_bytes() for p in (registry / "organisations").iterdir()) == before

"""Dimensions are data: a twelfth one needs an edit of schema/vocabulary.yaml, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli, loader
from trustreg.fmt import dump
from trustreg.vocabulary_file import load_vocabulary

TWELFTH = """  - id: pen_test_summary
    label: Pen-test summary
    question: Is a summary of the latest penetration test available?
    group: vendor_trust
    graded_party: platform
    facts:
      tester_named:
        type: boolean
        description: Whether the summary names the testing firm.
"""


def test_vocabulary_has_the_designs_dimensions() -> None:
    vocab = load_vocabulary(Path(__file__).resolve().parent.parent)
    assert list(vocab.dimensions)[:4] == ["soc2_type2", "iso_27001", "iso_42001", "trust_center"]
    assert len(vocab.dimensions) == 11
    assert [d.id for d in vocab.dimensions.values() if d.graded_party == "developer"] == [
        "gpai_cop", "art53_summary"]
    assert [len(vocab.dimensions_in(g)) for g in vocab.groups] == [4, 5, 2]


def test_twelfth_dimension_is_a_data_change(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    vocab.write_text(text.replace("  - id: gpai_cop\n", TWELFTH + "  - id: gpai_cop\n"),
                     encoding="utf-8")
    assert cli.main(["--root", str(registry), "schema"]) == 0
    capsys.readouterr()
    assert cli.main(["--root", str(registry), "check"]) == 1
    assert "missing required key 'pen_test_summary'" in capsys.readouterr().out

    offering = registry / "offerings" / "synthetic-api.yaml"
    data = loader.load(offering).data
    data["cells"]["pen_test_summary"] = {
        "status": "unclear", "caveat": "Synthetic test cell.", "confidence": "low",
        "verified": "2026-07-05", "facts": {"tester_named": False},
        "evidence": "Synthetic evidence for a test dimension.", "sources": []}
    offering.write_text(dump(data), encoding="utf-8")
    assert cli.main(["--root", str(registry), "fix"]) == 0
    capsys.readouterr()
    assert cli.main(["--root", str(registry), "check"]) == 0, capsys.readouterr().out

"""TR105: a positive or partial grade cites a primary source."""

from pathlib import Path

from .conftest import mutate


def _only_leads(data: dict) -> None:
    for source in data["cells"]["iso_27001"]["sources"]:
        source["role"] = "lead"


def test_yes_public_with_only_leads_fails(registry: Path, check) -> None:
    mutate(registry, _only_leads)
    result = check(registry)
    assert result.codes() == ["TR105"]
    assert "iso_27001 is graded yes_public but cites no primary source" in result.lines[0]


def test_no_public_evidence_without_primary_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["art53_summary"].update(sources=[]))
    assert check(registry, "--select", "TR105").lines == []

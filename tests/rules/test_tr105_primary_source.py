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


def test_hint_does_not_invite_a_downgrade(registry: Path, check) -> None:
    mutate(registry, _only_leads)
    line = check(registry).lines[0]
    assert "no_public_evidence" not in line and "add the primary source that states it" in line


def _documented_no(quote: str | None):
    def change(data: dict) -> None:
        cell = data["cells"]["hipaa_baa"]
        cell["status"] = "documented_no"
        if quote is None:
            cell["sources"][0].pop("quote")
    return change


def test_documented_no_without_a_quote_fails(registry: Path, check) -> None:
    mutate(registry, _documented_no(None))
    result = check(registry)
    assert result.codes() == ["TR105"]
    assert "hipaa_baa is graded documented_no but no primary source quotes the words" in result.lines[0]


def test_documented_no_with_a_quote_passes(registry: Path, check) -> None:
    mutate(registry, _documented_no("kept"))
    assert check(registry).lines == []

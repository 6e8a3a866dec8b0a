"""TR111: offerings of one developer agree on the developer-graded cells."""

from pathlib import Path

from .conftest import cohere, write


def _second_offering(registry: Path, gpai_status: str) -> None:
    data = cohere(registry)
    data["id"] = "synthetic-cohere-partner"
    data["cells"]["gpai_cop"]["status"] = gpai_status
    data["cells"]["gpai_cop"]["caveat"] = "Synthetic test caveat."
    write(registry, data, "offerings/synthetic-cohere-partner.yaml")


def test_disagreeing_developer_grade_fails(registry: Path, check) -> None:
    _second_offering(registry, "partial")
    result = check(registry, "--select", "TR111")
    assert result.codes() == ["TR111"]
    assert result.lines[0].startswith("offerings/synthetic-cohere-partner.yaml:")
    assert "gpai_cop is partial here but yes_public in cohere-api" in result.lines[0]


def test_agreeing_developer_grade_passes(registry: Path, check) -> None:
    _second_offering(registry, "yes_public")
    assert check(registry, "--select", "TR111").lines == []

"""TR104: watch-out cells carry a caveat."""

from pathlib import Path

from .conftest import mutate


def test_partial_without_caveat_fails(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["gdpr_dpa"].pop("caveat"))
    result = check(registry)
    assert result.codes() == ["TR104"]
    assert "caveat is required when status is partial (add a one-line caveat)" in result.lines[0]


def test_yes_public_needs_no_caveat(registry: Path, check) -> None:
    data_cell = "iso_27001"
    mutate(registry, lambda d: d["cells"][data_cell].pop("caveat", None))
    assert check(registry, "--select", "TR104").lines == []

"""TR109: sources are retrieved on or before the cell's verified date."""

from pathlib import Path

from .conftest import mutate


def test_source_retrieved_after_verification_fails(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["trust_center"]["sources"][0].update(
        retrieved="2026-07-06"))
    result = check(registry)
    assert result.codes() == ["TR109"]
    assert "retrieved 2026-07-06, after the cell was verified 2026-07-05" in result.lines[0]


def test_source_retrieved_earlier_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["trust_center"]["sources"][0].update(
        retrieved="2026-07-01"))
    assert check(registry, "--select", "TR109").lines == []

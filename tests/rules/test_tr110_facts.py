"""TR110: facts are declared per dimension and typed."""

from pathlib import Path

import pytest

from .conftest import line_of, mutate


def test_misspelt_fact_fails_and_names_the_right_one(registry: Path, check) -> None:
    def typo(data: dict) -> None:
        data["cells"]["retention_zdr"]["facts"] = {"retention_day": 30}
    path = mutate(registry, typo)
    result = check(registry)
    assert result.codes() == ["TR110"]
    assert f":{line_of(path, 'retention_day:')}:" in result.lines[0]
    assert "did you mean 'retention_days'?" in result.lines[0]


@pytest.mark.parametrize("value", ["30", 30.5, True])
def test_wrongly_typed_fact_fails(registry: Path, check, value: object) -> None:
    mutate(registry, lambda d: d["cells"]["retention_zdr"]["facts"].update(retention_days=value))
    assert check(registry).codes() == ["TR110"]


def test_declared_fact_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["retention_zdr"]["facts"].update(retention_days=0))
    assert check(registry, "--select", "TR110").lines == []

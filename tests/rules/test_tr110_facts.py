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


def _residency(regions: object):
    return lambda d: d["cells"]["data_residency"]["facts"].update(regions=regions)


@pytest.mark.parametrize("regions", ["EU", [], ["EU", "EU"], [1], ["line\nbreak"]])
def test_badly_formed_list_fact_fails(registry: Path, check, regions: object) -> None:
    mutate(registry, _residency(regions))
    assert check(registry).codes() == ["TR110"]


def test_list_item_outside_its_enum_fails(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["facts"].update(
        trust_services_criteria=["Security", "Speed"]))
    result = check(registry)
    assert result.codes() == ["TR110"]
    assert "Processing Integrity" in result.lines[0]


@pytest.mark.parametrize("signed", ["2025-02-30", "1 August 2025"])
def test_date_fact_must_be_a_date(registry: Path, check, signed: str) -> None:
    mutate(registry, lambda d: d["cells"]["gpai_cop"]["facts"].update(signed=signed))
    assert check(registry).codes() == ["TR110"]


def test_typed_list_and_date_facts_pass(registry: Path, check) -> None:
    mutate(registry, _residency(["EU", "US"]))
    mutate(registry, lambda d: d["cells"]["gpai_cop"]["facts"].update(signed="2025-08-01"))
    assert check(registry).lines == []

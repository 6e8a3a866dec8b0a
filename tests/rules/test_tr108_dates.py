"""TR108: dates are real and not in the future (today is frozen at 2026-11-24)."""

from pathlib import Path

import pytest

from .conftest import mutate


@pytest.mark.parametrize(("value", "message"), [
    ("2026-02-30", "is not a valid date"),
    ("2026-11-25", "is in the future"),
])
def test_impossible_or_future_date_fails(registry: Path, check, value: str, message: str) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(verified=value))
    result = check(registry, "--select", "TR108")
    assert result.codes() == ["TR108"]
    assert message in result.lines[0]


def test_today_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(verified="2026-11-24"))
    assert check(registry, "--select", "TR108").lines == []


def test_future_date_fact_fails(registry: Path, check) -> None:
    from .conftest import mutate
    mutate(registry, lambda d: d["cells"]["gpai_cop"]["facts"].update(signed="2027-01-01"))
    result = check(registry)
    assert result.codes() == ["TR108"]
    assert "date 2027-01-01 is in the future" in result.lines[0]

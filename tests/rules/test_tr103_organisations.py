"""TR103: developer and platform are declared companies."""

from pathlib import Path

import pytest

from .conftest import line_of, mutate


@pytest.mark.parametrize(("value", "message"), [
    ("nobody", "is not a declared organisation"),
    ("european-commission", "is an authority, not a company"),
])
def test_unresolved_or_wrong_kind_fails(registry: Path, check, value: str, message: str) -> None:
    path = mutate(registry, lambda d: d.update(platform=value))
    result = check(registry, "--select", "TR103")
    assert result.codes() == ["TR103"]
    assert message in result.lines[0]
    assert f":{line_of(path, 'platform:')}:" in result.lines[0]


def test_declared_company_passes(registry: Path, check) -> None:
    assert check(registry, "--select", "TR103").lines == []

"""The passing fixture every rule shares: the registry as committed has no finding."""

from pathlib import Path


def test_committed_registry_is_clean(registry: Path, check) -> None:
    result = check(registry)
    assert result.status == 0
    assert result.lines == []

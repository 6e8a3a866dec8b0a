"""TR113: stale cells are warnings; they do not fail the check."""

from pathlib import Path


def test_cells_older_than_limit_warn(registry: Path, check) -> None:
    result = check(registry, "--stale-days", "30")
    assert result.status == 0
    assert set(result.codes()) == {"TR113"}
    assert len(result.lines) == 11
    assert "warning: soc2_type2 was verified 142 days ago (limit 30)" in result.out


def test_recent_cells_pass(registry: Path, check) -> None:
    assert check(registry, "--stale-days", "142").lines == []

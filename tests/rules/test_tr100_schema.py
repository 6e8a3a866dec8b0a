"""TR100: schema conformance, pointed at the offending key or value."""

from pathlib import Path

from .conftest import line_of, mutate


def test_unknown_key_is_named_at_its_line(registry: Path, check) -> None:
    path = mutate(registry, lambda d: d["cells"]["hipaa_baa"].update(stauts="partial"))
    result = check(registry)
    assert result.codes() == ["TR100"]
    assert f":{line_of(path, 'stauts:')}:" in result.lines[0]
    assert "unknown key 'stauts'" in result.lines[0]


def test_bad_grade_lists_the_allowed_ones(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["hipaa_baa"].update(status="maybe"))
    result = check(registry)
    assert result.codes() == ["TR100"]
    assert "use one of: yes_public, yes_sales_gated" in result.lines[0]


def test_valid_file_passes(registry: Path, check) -> None:
    assert check(registry, "--select", "TR100").status == 0

"""TR101: the file name is the id."""

from pathlib import Path

from .conftest import OFFERING


def test_file_name_other_than_id_fails(registry: Path, check) -> None:
    (registry / OFFERING).rename(registry / "offerings" / "synthetic-vendor.yaml")
    result = check(registry)
    assert result.codes() == ["TR101"]
    assert result.lines[0].startswith("offerings/synthetic-vendor.yaml:1:")


def test_file_named_after_id_passes(registry: Path, check) -> None:
    assert check(registry, "--select", "TR101").lines == []

"""TR101: the file name is the id."""

from pathlib import Path

from .conftest import COHERE


def test_file_name_other_than_id_fails(registry: Path, check) -> None:
    (registry / COHERE).rename(registry / "offerings" / "cohere.yaml")
    result = check(registry)
    assert result.codes() == ["TR101"]
    assert result.lines[0].startswith("offerings/cohere.yaml:1:")


def test_file_named_after_id_passes(registry: Path, check) -> None:
    assert check(registry, "--select", "TR101").lines == []

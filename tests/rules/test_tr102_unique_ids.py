"""TR102: ids are unique across offering files."""

import shutil
from pathlib import Path

from .conftest import OFFERING


def test_second_file_with_same_id_fails(registry: Path, check) -> None:
    shutil.copy(registry / OFFERING, registry / "offerings" / "zz-copy.yaml")
    result = check(registry, "--select", "TR102")
    assert result.codes() == ["TR102"]
    assert "already used by offerings/synthetic-api.yaml" in result.lines[0]


def test_unique_ids_pass(registry: Path, check) -> None:
    assert check(registry, "--select", "TR102").lines == []

"""TR114: the schemas generated from the vocabulary (offering, data.json, api/v1) are current."""

from pathlib import Path

import pytest
from trustreg import cli


def test_edited_vocabulary_without_regeneration_fails(registry: Path, check) -> None:
    vocab = registry / "schema" / "vocabulary.yaml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace(
        "Is there a maintained trust center / compliance portal?",
        "Is there a maintained trust center?"), encoding="utf-8")
    result = check(registry, "--select", "TR114")
    assert set(result.codes()) == {"TR114"}
    assert {line.split(":", 1)[0] for line in result.lines} == {
        "schema/offering.schema.json", "schema/data.schema.json", "schema/api-offering.schema.json"}
    assert cli.main(["--root", str(registry), "schema"]) == 0
    assert check(registry, "--select", "TR114").lines == []


@pytest.mark.parametrize("name", ["data.schema.json", "api-offering.schema.json",
                                  "api-offerings.schema.json"])
def test_hand_edited_published_schema_fails(registry: Path, check, name: str) -> None:
    target = registry / "schema" / name
    target.write_text(target.read_text(encoding="utf-8").replace('"const": 1', '"const": 3'),
                      encoding="utf-8")
    result = check(registry, "--select", "TR114")
    assert result.codes() == ["TR114"]
    assert result.lines[0].startswith(f"schema/{name}:1:1:")

"""TR114: schema/offering.schema.json matches the vocabulary it is generated from."""

from pathlib import Path

from trustreg import cli


def test_edited_vocabulary_without_regeneration_fails(registry: Path, check) -> None:
    vocab = registry / "schema" / "vocabulary.yaml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace(
        "Is there a maintained trust center / compliance portal?",
        "Is there a maintained trust center?"), encoding="utf-8")
    result = check(registry, "--select", "TR114")
    assert result.codes() == ["TR114"]
    assert result.lines[0].startswith("schema/offering.schema.json:1:1:")
    assert cli.main(["--root", str(registry), "schema"]) == 0
    assert check(registry, "--select", "TR114").lines == []

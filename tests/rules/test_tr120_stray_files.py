"""TR120: nothing but `<id>.yaml` files in offerings/ and organisations/."""

from pathlib import Path

import pytest

from .conftest import COHERE


@pytest.mark.parametrize(("move_to", "message"), [
    ("offerings/cohere-api.YAML", "suffix '.YAML' is not .yaml in lower case"),
    ("offerings/cohere-api.Yml", "suffix '.Yml' is not .yaml in lower case"),
    ("offerings/sub/cohere-api.yaml", "file in a sub-folder of offerings/"),
    ("offerings/a/b/cohere-api.yaml", "file in a sub-folder of offerings/"),
    ("offerings/notes.txt", "offerings/ holds only data files"),
    ("offerings/.hidden.YAML", "suffix '.YAML' is not .yaml in lower case"),
    ("organisations/cohere.YAML", "suffix '.YAML' is not .yaml"),
])
def test_stray_file_fails(registry: Path, check, move_to: str, message: str) -> None:
    (registry / move_to).parent.mkdir(parents=True, exist_ok=True)
    source = registry / (COHERE if move_to.startswith("offerings") else "organisations/cohere.yaml")
    (registry / move_to).write_bytes(source.read_bytes())
    result = check(registry, "--select", "TR120")
    assert result.status == 1
    assert len(result.lines) == 1 and result.lines[0].startswith(f"{move_to}:1:1: TR120 {message}")


def test_empty_sub_folder_and_folder_link_fail(registry: Path, check) -> None:
    (registry / "offerings" / "empty").mkdir()
    (registry / "offerings" / "elsewhere").symlink_to(registry / "schema")
    result = check(registry, "--select", "TR120")
    assert [line.split(": ")[0] for line in result.lines] == ["offerings/elsewhere:1:1",
                                                              "offerings/empty:1:1"]


def test_data_files_only_pass(registry: Path, check) -> None:
    (registry / "offerings" / "draft.yml").write_bytes((registry / COHERE).read_bytes())
    for own in (".DS_Store", ".cohere-api.yaml.swp", "cohere-api.yaml~"):  # editors' and systems'
        (registry / "offerings" / own).write_bytes(b"")
    assert check(registry, "--select", "TR120").lines == []


@pytest.mark.parametrize(("name", "message"), [
    ("excerpts/notes.txt", "excerpts/ holds only host folders"),
    ("excerpts/cohere.com/security.yml", "an excerpt is named <slug>.yaml, in lower case"),
    ("excerpts/cohere.com/readme.md", "excerpts/ holds only excerpt files"),
    ("excerpts/cohere.com/sub/security.yaml", "file in a sub-folder of a host folder of excerpts/"),
])
def test_stray_excerpt_file_fails(registry: Path, check, name: str, message: str) -> None:
    (registry / name).parent.mkdir(parents=True, exist_ok=True)
    (registry / name).write_text("url: https://cohere.com/security\n", encoding="utf-8")
    result = check(registry, "--select", "TR120")
    assert len(result.lines) == 1 and result.lines[0].startswith(f"{name}:1:1: TR120 {message}")


def test_excerpt_files_pass(registry: Path, check) -> None:
    from .evidence import drafted

    drafted(registry)
    (registry / "excerpts" / ".DS_Store").write_bytes(b"")
    assert check(registry, "--select", "TR120").lines == []

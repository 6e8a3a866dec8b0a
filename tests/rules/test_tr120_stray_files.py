"""TR120: nothing but `<id>.yaml` files in offerings/ and organisations/."""

from pathlib import Path

import pytest

from .conftest import OFFERING


@pytest.mark.parametrize(("move_to", "message"), [
    ("offerings/synthetic-api.YAML", "suffix '.YAML' is not .yaml in lower case"),
    ("offerings/synthetic-api.Yml", "suffix '.Yml' is not .yaml in lower case"),
    ("offerings/sub/synthetic-api.yaml", "file in a sub-folder of offerings/"),
    ("offerings/a/b/synthetic-api.yaml", "file in a sub-folder of offerings/"),
    ("offerings/notes.txt", "offerings/ holds only data files"),
    ("offerings/.hidden.YAML", "suffix '.YAML' is not .yaml in lower case"),
    ("organisations/synthetic-vendor.YAML", "suffix '.YAML' is not .yaml"),
])
def test_stray_file_fails(registry: Path, check, move_to: str, message: str) -> None:
    (registry / move_to).parent.mkdir(parents=True, exist_ok=True)
    organisation = "organisations/synthetic-vendor.yaml"
    source = registry / (OFFERING if move_to.startswith("offerings") else organisation)
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
    (registry / "offerings" / "draft.yml").write_bytes((registry / OFFERING).read_bytes())
    for own in (".DS_Store", ".synthetic-api.yaml.swp", "synthetic-api.yaml~"):  # editors' and systems'
        (registry / "offerings" / own).write_bytes(b"")
    assert check(registry, "--select", "TR120").lines == []


@pytest.mark.parametrize(("name", "message"), [
    ("excerpts/notes.txt", "excerpts/ holds only host folders"),
    ("excerpts/vendor.example/security.yml", "an excerpt is named <slug>.yaml, in lower case"),
    ("excerpts/vendor.example/readme.md", "excerpts/ holds only excerpt files"),
    ("excerpts/vendor.example/sub/security.yaml", "file in a sub-folder of a host folder of excerpts/"),
])
def test_stray_excerpt_file_fails(registry: Path, check, name: str, message: str) -> None:
    (registry / name).parent.mkdir(parents=True, exist_ok=True)
    (registry / name).write_text("url: https://vendor.example/security\n", encoding="utf-8")
    result = check(registry, "--select", "TR120")
    assert len(result.lines) == 1 and result.lines[0].startswith(f"{name}:1:1: TR120 {message}")


def test_excerpt_files_pass(registry: Path, check) -> None:
    from .evidence import drafted

    drafted(registry)
    (registry / "excerpts" / ".DS_Store").write_bytes(b"")
    assert check(registry, "--select", "TR120").lines == []

"""Where a registry checkout keeps its files, and how to find its root."""

from __future__ import annotations

from pathlib import Path

REGISTRY_FILE = "registry.yaml"
VOCABULARY_FILE = "schema/vocabulary.yaml"
OFFERINGS_DIR = "offerings"
ORGANISATIONS_DIR = "organisations"


class NotARegistry(Exception):
    """The directory given (or the current one) is not inside a registry checkout."""


def find_root(start: Path | str = ".") -> Path:
    """The nearest directory at or above start that holds registry.yaml."""
    here = Path(start).resolve()
    for candidate in (here, *here.parents):
        if (candidate / REGISTRY_FILE).is_file():
            return candidate
    raise NotARegistry(f"{Path(start)}: no {REGISTRY_FILE} here or above; "
                       "run inside a registry checkout or pass --root")


def kind_of(root: Path, file: Path) -> str | None:
    """Which kind of data file this is: offering, organisation, registry, vocabulary, or None."""
    try:
        rel = file.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return None
    if rel == REGISTRY_FILE:
        return "registry"
    if rel == VOCABULARY_FILE:
        return "vocabulary"
    parent, _, name = rel.rpartition("/")
    if name.endswith((".yaml", ".yml")):
        return {OFFERINGS_DIR: "offering", ORGANISATIONS_DIR: "organisation"}.get(parent)
    return None


def offering_files(root: Path) -> list[Path]:
    return sorted((root / OFFERINGS_DIR).glob("*.y*ml"))


def organisation_files(root: Path) -> list[Path]:
    return sorted((root / ORGANISATIONS_DIR).glob("*.y*ml"))


def all_data_files(root: Path) -> list[Path]:
    """Every data file of the registry, in the order they are checked."""
    return [root / REGISTRY_FILE, root / VOCABULARY_FILE, *organisation_files(root),
            *offering_files(root)]


def display(root: Path, file: Path) -> str:
    """A file's path as findings show it: relative to the root when inside it."""
    try:
        return file.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return str(file)

"""Where a registry checkout keeps its files, and how to find its root."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

REGISTRY_FILE = "registry.yaml"
VOCABULARY_FILE = "schema/vocabulary.yaml"
OFFERINGS_DIR = "offerings"
ORGANISATIONS_DIR = "organisations"
EXCERPTS_DIR = "excerpts"  # excerpts/<host>/<slug>.yaml
DATA_SUFFIXES = (".yaml", ".yml")  # exactly these, in lower case: anything else is a stray


class NotARegistry(Exception):
    """The directory given (or the current one) is not inside a registry checkout."""


def find_root(start: Path | str = ".") -> Path:
    """The nearest directory at or above start that holds registry.yaml."""
    here = Path(start).resolve()
    if not here.is_dir():
        raise NotARegistry(f"{escaped(str(start))}: no such folder")
    for candidate in (here, *here.parents):
        if (candidate / REGISTRY_FILE).is_file():
            return candidate
    raise NotARegistry(f"{escaped(str(start))}: no {REGISTRY_FILE} here or above; "
                       "run inside a registry checkout or pass --root")


def relative(root: Path, file: Path) -> str | None:
    """The file's path inside root (its folders' links resolved), or None when it is outside."""
    path = Path(os.path.normpath(file.absolute()))
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def kind_of(root: Path, file: Path) -> str | None:
    """Which kind of data file this is: offering, organisation, registry, vocabulary, or None."""
    rel = relative(root, file)
    if rel == REGISTRY_FILE:
        return "registry"
    if rel == VOCABULARY_FILE:
        return "vocabulary"
    parent, _, name = (rel or "").rpartition("/")
    if parent.count("/") == 1 and parent.startswith(f"{EXCERPTS_DIR}/") and name.endswith(".yaml"):
        return "excerpt"
    if name.endswith(DATA_SUFFIXES):
        return {OFFERINGS_DIR: "offering", ORGANISATIONS_DIR: "organisation"}.get(parent)
    return None


def _names(folder: Path) -> list[str]:
    """The sorted names in a folder; none for a missing folder or a link to one."""
    if folder.is_symlink():  # would read (and let fix write) outside the checkout
        return []
    try:
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries)
    except OSError:
        return []


def _data_files(folder: Path) -> list[Path]:
    return [folder / name for name in _names(folder) if name.endswith(DATA_SUFFIXES)]


def offering_files(root: Path) -> list[Path]:
    return _data_files(root / OFFERINGS_DIR)


def organisation_files(root: Path) -> list[Path]:
    return _data_files(root / ORGANISATIONS_DIR)


def excerpt_files(root: Path) -> list[Path]:
    """excerpts/<host>/<slug>.yaml, in path order (a host folder that is a link is left out)."""
    top = root / EXCERPTS_DIR
    return [top / host / name for host in _names(top)
            if (top / host).is_dir() and not (top / host).is_symlink()
            for name in _names(top / host) if name.endswith(".yaml")]


def all_data_files(root: Path) -> list[Path]:
    """Every data file of the registry, in the order they are checked."""
    return [root / REGISTRY_FILE, root / VOCABULARY_FILE, *organisation_files(root),
            *offering_files(root), *excerpt_files(root)]


def stray_files(root: Path) -> list[Path]:
    """What offerings/, organisations/ and excerpts/ hold besides their data files, in path order.

    Names in other cases (x.YAML) or with other suffixes, links to folders, and every file in
    a sub-folder (or the sub-folder itself when it holds no file). Editors' and systems' own
    files (hidden ones like .DS_Store or .x.yaml.swp, backups like x.yaml~) are left alone,
    unless their name looks like a data file's (.X.YAML).
    """
    def stray(name: str) -> bool:
        if name.endswith(DATA_SUFFIXES):
            return False
        return name.lower().endswith(DATA_SUFFIXES) or not (name.startswith(".") or name.endswith("~"))

    found: list[Path] = []
    found += _stray_excerpts(root, stray)
    for folder in (root / OFFERINGS_DIR, root / ORGANISATIONS_DIR):
        for entry in (folder / n for n in _names(folder) if stray(n)):
            if entry.is_symlink() or not entry.is_dir():
                found.append(entry)
                continue
            inside = [Path(top) / name for top, dirs, files in os.walk(entry)
                      for name in files + [d for d in dirs if os.path.islink(os.path.join(top, d))]]
            found.extend(sorted(inside) or [entry])
    return sorted(found)


def _stray_excerpts(root: Path, stray: Callable[[str], bool]) -> list[Path]:
    """What excerpts/ holds besides `<host>/<slug>.yaml`: files at its top, other names, links
    and anything deeper."""
    top = root / EXCERPTS_DIR
    found: list[Path] = []
    for host in (top / n for n in _names(top) if not n.startswith(".")):
        if host.is_symlink() or not host.is_dir() or not _names(host):
            found.append(host)
            continue
        for entry in (host / n for n in _names(host)):
            if entry.is_symlink() or (entry.is_dir() and not entry.name.startswith(".")):
                inside = [Path(t) / f for t, _dirs, files in os.walk(entry) for f in files]
                found.extend(sorted(inside) or [entry])
            elif entry.is_file() and (entry.name.endswith(".yml") or stray(entry.name)):
                found.append(entry)
    return found


def escaped(text: str) -> str:
    """Text safe to print on a terminal: undecodable bytes and control characters escaped."""
    if text.isprintable():
        return text
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def quoted(text: str, limit: int = 60) -> str:
    """Text from the command line as messages quote it: escaped by repr and bounded."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "…"


def display(root: Path, file: Path) -> str:
    """A file's path as findings show it: relative to the root when inside it, escaped."""
    path = Path(os.path.normpath(file.absolute()))
    try:
        return escaped(path.relative_to(root.absolute()).as_posix())
    except ValueError:
        return escaped(str(file))

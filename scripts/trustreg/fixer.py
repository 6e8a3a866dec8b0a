"""Bring data files into canonical form (the fixer that shares its code with rule TR112)."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic, loader
from .comments import comment_findings
from .findings import Finding, FindingError
from .fmt import canonical_text
from .migration import migrate
from .vocabulary_file import load_vocabulary
from .workspace import (
    OFFERINGS_DIR,
    ORGANISATIONS_DIR,
    display,
    escaped,
    kind_of,
    offering_files,
    organisation_files,
    relative,
)


@dataclass
class FixReport:
    changed: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


class NotADataFile(ValueError):
    """A path given to fix is not an offering or organisation file of the registry."""


def data_files(root: Path, paths: list[Path] | None) -> list[Path]:
    """The offering and organisation files the paths name (a folder: those under it).

    NotADataFile for any other path: fix never rewrites a file outside the registry's data.
    """
    every = [*organisation_files(root), *offering_files(root)]
    if paths is None:
        return every
    files = []
    for path in paths:
        rel = relative(root, path)
        if path.is_dir() and not path.is_symlink() and rel is not None:
            inside = [f for f in every if rel == "." or f"{relative(root, f)}".startswith(f"{rel}/")]
            if not inside:
                raise NotADataFile(f"{escaped(str(path))} holds no offering or organisation file")
            files.extend(inside)
        elif kind_of(root, path) in ("offering", "organisation"):
            files.append(path)
        else:
            raise NotADataFile(f"{escaped(str(path))} is not a file in {OFFERINGS_DIR}/ or "
                               f"{ORGANISATIONS_DIR}/ of the registry at {escaped(str(root))}; "
                               "fix rewrites only those")
    return list(dict.fromkeys(files))


def _linked_folders(root: Path) -> list[Finding]:
    return [Finding(folder, 1, 1, "TR001", "folder is a symbolic link",
                    "commit the folder itself, not a link")
            for folder in (ORGANISATIONS_DIR, OFFERINGS_DIR) if (root / folder).is_symlink()]


def write_canonical(file: Path, name: str, text: str) -> Finding | None:
    """Write the canonical text; a finding instead when the file or its folder is read-only."""
    try:
        if not file.stat().st_mode & 0o200:
            raise PermissionError(13, "the file is read-only")
        atomic.write_text(file, text)
    except OSError as exc:
        return Finding(name, 1, 1, "TR112", f"cannot rewrite the file: {exc.strerror or exc}",
                       "make the file and its folder writable, then run trustreg fix again")
    return None


def fix_files(root: Path, paths: list[Path] | None, *, write: bool) -> FixReport:
    """Rewrite (or with write=False, only list) the files not in canonical form.

    Raises NotADataFile for a path that is not an offering or organisation file.
    """
    from .checker import Checker  # check's rules
    from .writecheck import refuse_breaking

    files = data_files(root, paths)
    vocab = load_vocabulary(root)
    checker: Checker | None = None  # made once a file is to be written
    report = FixReport(findings=_linked_folders(root) if paths is None else [])
    # the write lock: a `review` or `cite` at the same moment is not overwritten
    with atomic.locked(root) if write else nullcontext():
        for file in files:
            kind = kind_of(root, file)
            name = display(root, file)
            try:
                doc = loader.load(file, name)
            except FindingError as exc:
                report.findings.append(exc.finding)
                continue
            data = migrate(doc.data) if (kind or "offering") == "offering" else doc.data
            text = canonical_text(data, kind or "offering", vocab)
            if text is None or text == doc.text:
                continue
            if loader.loads(text, name).data != data:  # pragma: no cover - a formatter bug
                report.findings.append(Finding(name, 1, 1, "TR112", "formatting would change the data",
                                               "report this as a bug in trustreg fix"))
                continue
            lost = comment_findings(doc)
            try:  # a file that passed check still does
                checker = checker or Checker(root)
                refuse_breaking(root, name, kind or "offering", text, doc.text, checker)
            except FindingError as exc:
                report.findings.append(exc.finding)
                continue
            problem = None if lost or not write else write_canonical(file, name, text)
            if lost or problem:
                report.findings.extend(lost or [problem])
                continue
            report.changed.append(name)
    return report

"""Change one cell of an offering file: load strictly, change the data, validate, write atomically.

The file is written in canonical form (as `trustreg fix` writes it) and only when it holds no
comment and the change brings in no error of `check`'s rules for the file (writecheck.py);
otherwise nothing is written and the first finding is raised. The registry's write lock is
held from reading to replacing, so concurrent edits of one file all land.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import atomic, loader
from .comments import comment_findings
from .findings import FindingError
from .fixer import write_canonical
from .fmt import canonical_text
from .vocabulary import Vocabulary
from .vocabulary_file import load_vocabulary
from .workspace import OFFERINGS_DIR, display, kind_of
from .writecheck import refuse_new_errors


class EditError(Exception):
    """The offering or dimension named does not exist (a usage error)."""


def edit_cell(root: Path, offering_id: str, dimension: str,
              change: Callable[[dict[str, Any]], None]) -> str:
    """Apply change to the cell's data and write the file; returns the file's display path."""
    vocab = load_vocabulary(root)
    path = root / OFFERINGS_DIR / f"{offering_id}.yaml"
    name = display(root, path)
    if kind_of(root, path) != "offering" or not path.is_file():  # e.g. an id with ../
        raise EditError(f"no offering file {name}")
    if dimension not in vocab.dimensions:
        close = difflib.get_close_matches(dimension, list(vocab.dimensions), n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise EditError(f"no dimension {dimension!r}{hint}")
    with atomic.locked(root):
        return _edit(root, path, name, dimension, change, vocab)


def _edit(root: Path, path: Path, name: str, dimension: str, change: Callable[[dict[str, Any]], None],
          vocab: Vocabulary) -> str:
    doc = loader.load(path, name)
    lost = comment_findings(doc)  # the canonical text would drop them
    if lost:
        raise FindingError(lost[0])
    cells = doc.data.get("cells") if isinstance(doc.data, dict) else None
    if not isinstance(cells, dict) or not isinstance(cells.get(dimension), dict):
        raise EditError(f"{name} has no cell {dimension}; add it first (see `trustreg new`)")
    change(cells[dimension])
    text = canonical_text(doc.data, "offering", vocab)
    assert text is not None
    refuse_new_errors(root, name, "offering", text, doc.text)
    problem = write_canonical(path, name, text)
    if problem:
        raise FindingError(problem)
    return name

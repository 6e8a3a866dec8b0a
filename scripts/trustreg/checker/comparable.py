"""What the rules may still read of a file that fails its schema: the cells the errors leave sound."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from .. import loader


def _without(doc: loader.Document, broken: set[str]) -> loader.Document:
    """The document less some cells; marks stay those of the file as written."""
    cells = doc.data["cells"]
    kept = replace(doc, data={**doc.data, "cells": {d: c for d, c in cells.items() if d not in broken}})
    kept.__dict__["_index"] = doc._index
    return kept


def sound_cells(doc: loader.Document, errors: Iterable[Sequence[str | int]]) -> loader.Document | None:
    """The document less the cells that schema errors lie in, if every error lies inside a cell."""
    cells = doc.data.get("cells") if isinstance(doc.data, dict) else None
    if not isinstance(cells, dict):  # not an offering, or a TR117 finding (no schema error)
        return None
    broken = set()
    for where in errors:
        if len(where) < 2 or where[0] != "cells" or where[1] not in cells:
            return None
        broken.add(where[1])
    if not broken:  # the problems were found by other means than the schema: nothing is known sound
        return None
    return _without(doc, broken)


COMPARED_BY = ("id", "developer", "platform", "cells")  # what the registry rules group and compare by


def comparable(doc: loader.Document, errors: Iterable[Sequence[str | int]]) -> loader.Document | None:
    """What the registry rules may compare of a file that fails its schema: the document less the
    cells that errors lie in, whatever errors lie elsewhere; None when the keys they compare by
    (id, developer, platform, the cells mapping) are themselves broken."""
    data = doc.data
    if not (isinstance(data, dict) and isinstance(data.get("cells"), dict)
            and all(isinstance(data.get(k), str) for k in COMPARED_BY[:3])):
        return None
    broken = set()
    for where in errors:
        if tuple(where[:1]) in {(k,) for k in COMPARED_BY} and len(where) <= 1:
            return None
        if len(where) >= 2 and where[0] == "cells":
            broken.add(where[1])
    broken |= {d for d, c in data["cells"].items() if not isinstance(c, dict)}
    return _without(doc, broken)

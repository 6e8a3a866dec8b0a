"""TR124: offerings on one platform that cite the same page for a platform cell grade it alike.

Vendor-trust and data-handling cells grade the serving platform. When two of its offerings cite
the same primary page for one of those cells and grade it differently, one of them misreads the
page, unless the difference is written down: a variant of one cell graded as the other is, or a
fact that differs between them (such as the services in scope). Each disagreeing cell is
reported, naming the others, like TR111.
"""

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..loader import Document
from ..urls import page_key
from .base import At, Context, rule

SHOWN = 3  # other offerings named per finding


def _pages(cell: dict[str, Any]) -> set[str]:
    return {page_key(s["url"]) for s in cell.get("sources") or ()
            if s.get("role") == "primary" and isinstance(s.get("url"), str)}


def _settled(mine: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """The difference is written down: the facts differ, or a variant carries the other grade."""
    facts = [json.dumps(c.get("facts") or {}, sort_keys=True, ensure_ascii=False) for c in (mine, theirs)]
    if facts[0] != facts[1]:
        return True
    return any(v.get("status") == other["status"]
               for cell, other in ((mine, theirs), (theirs, mine)) for v in cell.get("variants") or ())


@rule("TR124", "platform-cells-agree", "registry",
      "Offerings on one platform that cite the same primary page for a platform-graded cell carry "
      "the same grade there, or write the difference down (a variant, or a fact that differs); "
      "each disagreeing cell is reported, naming the others.")
def check(docs: list[Document], ctx: Context) -> Iterator[At]:
    by_platform: dict[str, list[Document]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.path):
        by_platform[doc.data["platform"]].append(doc)
    platform_dims = [d.id for d in ctx.vocab.dimensions.values() if d.graded_party == "platform"]
    for platform, group in sorted(by_platform.items()):
        for dim_id in platform_dims:
            cells = {d.path: d.data["cells"][dim_id] for d in group if dim_id in d.data["cells"]}
            pages = {path: _pages(cell) for path, cell in cells.items()}
            for doc in group:
                if doc.path not in cells:
                    continue
                mine = cells[doc.path]
                others = [o for o in group if o.path in cells and o.path != doc.path
                          and pages[o.path] & pages[doc.path]
                          and cells[o.path]["status"] != mine["status"]
                          and not _settled(mine, cells[o.path])]
                if not others:
                    continue
                named = "; ".join(f"{o.path}:{o.mark(('cells', dim_id, 'status'))[0]} has "
                                  f"{cells[o.path]['status']}" for o in others[:SHOWN])
                more = f" and {len(others) - SHOWN} more" if len(others) > SHOWN else ""
                yield At(doc, ("cells", dim_id, "status"),
                         f"{dim_id} is {mine['status']} here but {named}{more}, citing the same "
                         f"page (same platform {platform})",
                         "grade the page alike in every offering, or write the difference down: a "
                         "variant, or a fact naming it (e.g. the services in scope)")

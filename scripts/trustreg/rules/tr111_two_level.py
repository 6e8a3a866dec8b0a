"""TR111: EU AI Act cells grade the model developer, so all its offerings agree on them.

A disagreement is reported at the cell of every disagreeing offering, each naming the others
by path and line: the rule cannot know which file is right, so it picks none.
"""

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..loader import Document
from .base import At, Context, rule

SHOWN = 3  # other offerings named per finding


def _facts(cell: dict[str, Any]) -> str:
    return json.dumps(cell.get("facts") or {}, sort_keys=True, ensure_ascii=False)


def _shown(cell: dict[str, Any], with_facts: bool) -> str:
    facts = ", ".join(f"{k}: {v}" for k, v in sorted((cell.get("facts") or {}).items()))
    return f"{cell['status']} ({facts or 'no facts'})" if with_facts else cell["status"]


@rule("TR111", "developer-cells-agree", "registry",
      "Every offering of one developer carries the same grade and facts in each developer-graded "
      "dimension (gpai_cop, art53_summary); each disagreeing cell is reported, naming the others.")
def check(docs: list[Document], ctx: Context) -> Iterator[At]:
    by_developer: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        by_developer[doc.data["developer"]].append(doc)
    developer_dims = [d.id for d in ctx.vocab.dimensions.values() if d.graded_party == "developer"]
    for developer, everyone in sorted(by_developer.items()):
        for dim_id in developer_dims:  # a cell that fails its schema is left out of the comparison
            group = sorted((d for d in everyone if dim_id in d.data["cells"]), key=lambda d: d.path)
            cells = {d.path: d.data["cells"][dim_id] for d in group}
            states = {p: (c["status"], _facts(c)) for p, c in cells.items()}
            if len(set(states.values())) < 2:
                continue
            for doc in group:
                mine = states[doc.path]
                others = [o for o in group if states[o.path] != mine]
                grade_differs = any(states[o.path][0] != mine[0] for o in others)
                with_facts = not grade_differs
                named = "; ".join(
                    f"{o.path}:{o.mark(('cells', dim_id, 'status'))[0]} has "
                    f"{_shown(cells[o.path], with_facts)}" for o in others[:SHOWN])
                more = f" and {len(others) - SHOWN} more" if len(others) > SHOWN else ""
                where = ("cells", dim_id, "status" if grade_differs or "facts" not in cells[doc.path]
                         else "facts")
                yield At(doc, where,
                         f"{dim_id} is {_shown(cells[doc.path], with_facts)} here but "
                         f"{named}{more} (same developer {developer})",
                         "EU AI Act cells grade the developer: settle the answer from the "
                         "developer's primary source and write it in every one of its offerings")

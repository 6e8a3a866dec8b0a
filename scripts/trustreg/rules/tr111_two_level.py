"""TR111: EU AI Act cells grade the model developer, so all its offerings agree on them."""

from collections import Counter, defaultdict
from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, rule


@rule("TR111", "developer-cells-agree", "registry",
      "Every offering of one developer carries the same grade in each developer-graded "
      "dimension (gpai_cop, art53_summary).")
def check(docs: list[Document], ctx: Context) -> Iterator[At]:
    by_developer: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        by_developer[doc.data["developer"]].append(doc)
    developer_dims = [d.id for d in ctx.vocab.dimensions.values() if d.graded_party == "developer"]
    for developer, group in sorted(by_developer.items()):
        group = sorted(group, key=lambda d: d.data["id"])
        for dim_id in developer_dims:
            grades = Counter(d.data["cells"][dim_id]["status"] for d in group)
            if len(grades) < 2:
                continue
            # the majority grade stands; ties go to the first offering by id
            top = max(grades.values())
            majority = next(d for d in group if grades[d.data["cells"][dim_id]["status"]] == top)
            expected = majority.data["cells"][dim_id]["status"]
            for doc in group:
                status = doc.data["cells"][dim_id]["status"]
                if status != expected:
                    yield At(doc, ("cells", dim_id, "status"),
                             f"{dim_id} is {status} here but {expected} in "
                             f"{majority.data['id']} (same developer {developer})",
                             "EU AI Act cells grade the developer: use one grade in all its offerings")

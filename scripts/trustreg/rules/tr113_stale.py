"""TR113 (warning): cells not re-verified for longer than the registry's stale age."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, cells, rule
from .tr108_dates import parsed


@rule("TR113", "stale-cell", "offering",
      "A cell verified longer ago than registry.yaml's stale_after_days (or --stale-days) "
      "needs re-verification.", severity="warning")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for dim_id, cell in cells(doc):
        if "verified" not in cell:  # a draft was never verified live
            continue
        verified = parsed(cell["verified"])  # TR108 reports a date that is not one
        age = (ctx.today - verified).days if verified else 0
        if age > ctx.stale_days:
            yield At(doc, ("cells", dim_id, "verified"),
                     f"{dim_id} was verified {age} days ago (limit {ctx.stale_days})",
                     "re-check it against its sources and update verified")

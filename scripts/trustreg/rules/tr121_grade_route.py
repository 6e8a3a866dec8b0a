"""TR121: grade and route agree, and certifications carry no behaviour default."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, cells, rule


@rule("TR121", "grade-matches-route", "offering",
      "A cell's route is not one its grade's definition excludes (`forbids_routes` in "
      "schema/vocabulary.yaml: yes_public with an NDA, contract or approval route, "
      "yes_sales_gated with a public route), and a certification cell has no `default`.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for dim_id, cell in cells(doc):
        grade = ctx.vocab.grades[cell["status"]]
        route = cell.get("route")
        if route in grade.forbids_routes:
            yield At(doc, ("cells", dim_id, "route"),
                     f"{dim_id} is graded {grade.id} ({grade.meaning.rstrip('.')}) but its route "
                     f"is {route}",
                     "set the route by which a buyer really gets it, and grade by that route")
        if ctx.vocab.dimensions[dim_id].certification and "default" in cell:
            yield At(doc, ("cells", dim_id, "default"),
                     f"{dim_id} is a certification: `default` describes a behaviour",
                     "remove `default`; say how the report or certificate is obtained in `route`")

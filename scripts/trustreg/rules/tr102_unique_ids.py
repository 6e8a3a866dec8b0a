"""TR102: no two offerings share an id."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, rule


@rule("TR102", "unique-ids", "registry", "Every offering id is unique in the registry.")
def check(docs: list[Document], ctx: Context) -> Iterator[At]:
    first: dict[str, Document] = {}
    for doc in docs:
        ident = doc.data["id"]
        if ident in first:
            yield At(doc, ("id",), f"id {ident!r} is already used by {first[ident].path}",
                     "give this offering its own id")
        else:
            first[ident] = doc

"""TR101: an offering or organisation file is named after its id."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, rule


@rule("TR101", "file-name-is-id", "file", "The file name is `<id>.yaml`.",
      kinds=("offering", "organisation"))
def check(doc: Document, ctx: Context) -> Iterator[At]:
    name = doc.path.rsplit("/", 1)[-1]
    expected = f"{doc.data['id']}.yaml"
    if name != expected:
        yield At(doc, ("id",), f"file name {name!r} does not match id {doc.data['id']!r}",
                 f"rename the file to {expected} or change the id")

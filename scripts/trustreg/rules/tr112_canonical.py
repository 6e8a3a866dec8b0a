"""TR112: files are in the one canonical form that `trustreg fix` writes."""

from collections.abc import Iterator

from ..comments import comment_findings
from ..findings import Finding
from ..fmt import canonical_text
from ..loader import Document
from .base import At, Context, rule


def first_difference(text: str, canonical: str) -> int:
    """The 1-based number of the first line where text and canonical differ."""
    lines, wanted = text.split("\n"), canonical.split("\n")
    for number, (have, want) in enumerate(zip(lines, wanted, strict=False), start=1):
        if have != want:
            return number
    return min(len(lines), len(wanted))


@rule("TR112", "canonical-format", "file",
      "The file is in canonical form (key order, quoting, line width, LF line endings, no "
      "comments).",
      kinds=("offering", "organisation"))
def check(doc: Document, ctx: Context) -> Iterator[At | Finding]:
    kind = "offering" if "cells" in doc.data else "organisation"
    canonical = canonical_text(doc.data, kind, ctx.vocab)
    if canonical is None or doc.text == canonical:
        return
    lost = comment_findings(doc)  # what fix would refuse to drop
    if lost:
        yield from lost
        return
    line = first_difference(doc.text, canonical)
    what = "uses CRLF line endings" if "\r" in doc.text else f"is not in canonical form from line {line}"
    where = next((p for p, (ln, _c) in doc.marks.items() if ln >= line), ())
    yield At(doc, where, f"file {what}", f"run `trustreg fix {doc.path}`")

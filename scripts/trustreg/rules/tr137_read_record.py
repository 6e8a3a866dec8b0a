"""TR137: a quoted source and the excerpt of its page say the same about how the page was read."""

from collections.abc import Iterator

from ..excerpts import Excerpt
from ..findings import Finding
from ..loader import Document
from ..model import Copy
from .base import Context, rule
from .pages import Quoted, by_page, excerpt_of, quoted_sources


def _copy_words(copy: Copy) -> str:
    captured = f", captured {copy.captured}" if copy.captured else ", capture date not stated"
    return f"the copy held by {copy.held_by}{captured}"


def disagreement(source: dict, excerpt: Excerpt, copied: bool) -> tuple[str, str] | None:
    """(message, hint) when the source's read record and the excerpt's disagree, else None;
    copied: some source read in a copy quotes the page too."""
    if "copy" in source and excerpt.read_live:
        return (f"this source was read in a copy, but {excerpt.path} records a live read on "
                f"{excerpt.retrieved}",
                "once the page has been read live, verify the cell live (`trustreg review "
                "OFFERING DIMENSION --reverify NOTE`): its sources then record the live read")
    if "retrieved" in source and not excerpt.read_live and not copied:
        return (f"this source claims a live read on {source['retrieved']}, but {excerpt.path} "
                f"was {excerpt.read_as()}",
                "record the live read in the excerpt (`trustreg cite`), or write the source's "
                "`copy` instead of `retrieved`")
    if "copy" in source and excerpt.copy is not None:
        cited = Copy(**source["copy"])
        if cited != excerpt.copy:
            return (f"this source was read in {_copy_words(cited)}, but {excerpt.path} in "
                    f"{_copy_words(excerpt.copy)}",
                    "write the same `copy` on the source and the excerpt: the passages are the "
                    "text of the copy the quote was read in")
    return None


@rule("TR137", "excerpt-read-record", "registry",
      "A quoted source and the excerpt of its page were read the same way: a source read in a "
      "copy needs an excerpt of that same copy (held_by, url and captured equal), never a live "
      "read; an excerpt read in a copy backs sources read in that copy, never only sources that "
      "claim a live read (retrieved), which need an excerpt read live (retrieved + sha256).",
      kinds=("offering",))
def check(docs: list[Document], ctx: Context) -> Iterator[Finding]:
    pages = by_page(ctx)
    quoted = quoted_sources(docs)
    copied = {q.page for q in quoted if "copy" in q.source}
    for one in quoted:
        excerpt = excerpt_of(one, ctx, pages)
        if isinstance(excerpt, Excerpt):
            problem = disagreement(one.source, excerpt, one.page in copied)
            if problem:
                yield _at(one, *problem)


def _at(quoted: Quoted, message: str, hint: str) -> Finding:
    key = "copy" if "copy" in quoted.source else "retrieved"
    return quoted.doc.finding((*quoted.where, key), "TR137", message, hint)

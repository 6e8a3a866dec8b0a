"""TR135: a quote is checked offline against the excerpt of its page."""

from collections.abc import Iterator

from ..excerpts import excerpt_path
from ..findings import Finding
from ..loader import Document
from ..quotes import parts
from .base import Context, rule
from .pages import by_page, checked_against, excerpt_of, quoted_sources


@rule("TR135", "quote-in-excerpt", "registry",
      "A quoted primary source has an excerpt of its page (excerpts/<host>/<slug>.yaml) and each "
      "part of its quote (split at [...]) is found in one of the excerpt's passages. A source read "
      "live (retrieved) is checked against a live read of its page: where the page has no excerpt "
      "yet, or only the copy its drafts were graded from, `check --quotes` and `watch` check it "
      "live, and a correction that re-reads it needs an excerpt (TR203).", kinds=("offering",))
def check(docs: list[Document], ctx: Context) -> Iterator[Finding]:
    pages = by_page(ctx)
    for quoted in quoted_sources(docs):
        excerpt = excerpt_of(quoted, ctx, pages)
        where = (*quoted.where, "quote")
        if excerpt is False and "retrieved" not in quoted.source:
            yield quoted.doc.finding(where, "TR135",
                                     f"no excerpt of {quoted.source['url']}: the quote cannot be "
                                     "checked", f"add {excerpt_path(quoted.source['url'])} with "
                                     "the copy's text around the quote (see CONTRIBUTING.md)")
        elif excerpt and checked_against(quoted.source, excerpt):
            missing = [p for p in parts(quoted.source["quote"]) if not excerpt.holds(p)]
            if missing:
                which = "the quote" if len(parts(quoted.source["quote"])) == 1 else \
                    f"“{_short(missing[0])}”"
                yield quoted.doc.finding(where, "TR135",
                                         f"{which} is not in any passage of {excerpt.path}",
                                         "copy the words exactly from the page, and keep the "
                                         "passage around them in the excerpt")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"

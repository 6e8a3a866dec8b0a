"""TR132: a documented no is quoted in words that state the no."""

from collections.abc import Iterator

from ..loader import Document
from ..quotes import substantive_words, words
from .base import At, Context, graded, rule

NO_WORDS = 4  # words outside elisions: "No." or "[...] not [...]" states nothing


@rule("TR132", "documented-no-quote", "offering",
      f"Each primary source's quote on a documented_no cell or variant states the no: at least "
      f"{NO_WORDS} words outside its [...] elisions, not only words such as \"no\", \"not\" and "
      f"\"we\" (a bare \"no\" or an elision states nothing).")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, item, dim_id, _cell in graded(doc):
        if ctx.vocab.grades[item["status"]].evidence != "primary_quote":
            continue
        for i, source in enumerate(item.get("sources") or ()):
            quote = source.get("quote")
            if quote and source.get("role") == "primary" and (words(quote) < NO_WORDS
                                                              or not substantive_words(quote)):
                yield At(doc, (*where, "sources", i, "quote"),
                         f"{dim_id} is graded {item['status']}, but the quote holds "
                         f"{words(quote)} words outside elisions: it does not state the no",
                         f"quote the page's sentence that says no (at least {NO_WORDS} words)")

"""TR131: a quote is short: the words that back the grade, not the page."""

from collections.abc import Iterator

from ..loader import Document
from ..quotes import words
from .base import At, Context, rule, sources

QUOTE_WORDS = 50  # words outside elisions


@rule("TR131", "quote-length", "offering",
      f"A primary source's quote holds at most {QUOTE_WORDS} words outside its [...] elisions.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, source, _dim, _cell in sources(doc):
        quote = source.get("quote")
        if quote and source.get("role") == "primary" and words(quote) > QUOTE_WORDS:
            yield At(doc, (*where, "quote"),
                     f"the quote holds {words(quote)} words, more than {QUOTE_WORDS}",
                     "keep only the words that back the grade; mark left-out words with [...]")

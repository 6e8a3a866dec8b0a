"""TR118: a primary source is a primary kind of page, judged by its address as well as its label."""

from collections.abc import Iterator

from ..loader import Document
from ..pages import is_under
from ..urls import url_problem
from .base import At, Context, rule, sources


@rule("TR118", "primary-source-kind", "offering",
      "A primary source has a kind that schema/vocabulary.yaml marks primary (trust center, "
      "documentation, legal terms, certificate registry, authority list), and its address agrees: "
      "an address of a lead page (`lead_pages`: blogs, announcements, forums, Q&A) is a lead unless "
      "`primary_pages` lists it with a reason, and a trust_center page lies under the trust center "
      "the graded party declares.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    primary = ctx.vocab.primary_kinds
    for where, source, dim_id, _cell in sources(doc):
        if source["role"] != "primary":
            continue
        kind, url = source.get("kind"), source.get("url")
        if kind is None:
            yield At(doc, (*where, "role"), "primary source does not say what kind of page it is",
                     f"add `kind:`, one of: {', '.join(primary)}")
            continue
        if kind not in primary:
            yield At(doc, (*where, "kind"), f"a {kind} page is a lead, not a primary source",
                     f"mark it role: lead, and cite a page of kind {', '.join(primary)}")
            continue
        lead = ctx.vocab.lead_page(url) if url else None
        if lead:
            yield At(doc, (*where, "url"), f"{url} is a {lead[0]} page by its address ({lead[1]}), "
                     f"not a {kind} page", f"mark it role: lead with kind: {lead[0]}; if it really is "
                     "the party's own page, a reviewer lists it under primary_pages in "
                     "schema/vocabulary.yaml with the reason")
            continue
        party = ctx.organisations.get(doc.data[ctx.vocab.dimensions[dim_id].graded_party])
        if kind == "trust_center" and url and not url_problem(url) and party is not None and not (
                party.trust_center and is_under(url, party.trust_center)):
            declared = f"its declared trust center is {party.trust_center}" if party.trust_center \
                else "it declares no trust center"
            yield At(doc, (*where, "kind"), f"a trust_center source must be a page of {party.id}'s "
                     f"trust center; {declared}",
                     "set the kind the page is (documentation, legal), or declare the trust center "
                     f"in organisations/{party.id}.yaml")

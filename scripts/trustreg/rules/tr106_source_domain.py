"""TR106: a primary source is the graded party's own, or an authority's."""

from collections.abc import Iterable, Iterator

from ..loader import Document
from ..model import Organisation
from ..urls import host as url_host
from .base import At, Context, rule, sources


def primary_host(host: str, party: Organisation, organisations: Iterable[Organisation]) -> bool:
    """Whether a page on host may be a primary source for a cell grading party."""
    return party.owns_host(host) or any(o.kind == "authority" and o.owns_host(host)
                                        for o in organisations)


@rule("TR106", "primary-source-domain", "offering",
      "A primary source's host is a domain of the graded party (the platform for vendor and "
      "data-handling cells, the developer for EU AI Act cells) or of an authority.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for where, source, dim_id, _cell in sources(doc):
        dim = ctx.vocab.dimensions[dim_id]
        party = ctx.organisations.get(doc.data[dim.graded_party])
        host = url_host(source["url"]) if "url" in source else None
        if source["role"] != "primary" or party is None or host is None:  # TR107 reports bad URLs
            continue
        if not primary_host(host, party, ctx.organisations.values()):
            yield At(doc, (*where, "url"),
                     f"primary source host {host!r} is not a domain of {party.id} "
                     f"({', '.join(party.domains)}) or of an authority",
                     "cite the graded party's own page, or mark this source role: lead")

"""TR106: a primary source is the graded party's own, or an independent party's within its remit."""

from collections.abc import Iterator, Mapping

from ..findings import Finding
from ..loader import Document
from ..model import Organisation
from ..urls import host as url_host
from ..vocabulary import Vocabulary
from .base import At, Context, rule, sources


def primary_host(host: str, party: Organisation, dimension: str, kind: str | None, vocab: Vocabulary,
                 organisations: Mapping[str, Organisation]) -> bool:
    """Whether a page of this kind on host may be a primary source for this dimension graded on
    party (as TR106 decides, for cite and watch): the party's own domain, or the domain of an
    independent party the vocabulary lists with this dimension in its remit and this kind among
    its kinds. Being an organisation of kind authority is not enough."""
    if party.owns_host(host):
        return True
    for listed in vocab.independent.values():
        org = organisations.get(listed.organisation)
        if org is not None and org.owns_host(host) and dimension in listed.remit \
                and kind in listed.source_kinds:
            return True
    return False


@rule("TR106", "primary-source-domain", "offering",
      "A primary source's host is a domain of the graded party (the platform for vendor and "
      "data-handling cells, the developer for EU AI Act cells), or of an independent party that "
      "schema/vocabulary.yaml lists (`independent_parties`) for that dimension and source kind.")
def check(doc: Document, ctx: Context) -> Iterator[At | Finding]:
    independent = [(ctx.organisations[p.organisation], p) for p in ctx.vocab.independent.values()
                   if p.organisation in ctx.organisations]
    for where, source, dim_id, cell in sources(doc):
        dim = ctx.vocab.dimensions[dim_id]
        party = ctx.organisations.get(doc.data[dim.graded_party])
        host = url_host(source["url"]) if "url" in source else None
        if (source["role"] != "primary" or party is None or host is None  # TR107: bad URLs
                or "kind" not in source):  # TR118 asks for it
            continue
        if party.owns_host(host):
            continue
        owner = next(((org, p) for org, p in independent if org.owns_host(host)), None)
        if owner is None:
            within = [org.name for org, p in independent if dim_id in p.remit]
            also = f" or of {', '.join(within)}" if within else ""
            yield At(doc, (*where, "url"),
                     f"primary source host {host!r} is not a domain of {party.id} "
                     f"({', '.join(party.domains)}){also}",
                     "cite the graded party's own page, or mark this source role: lead")
            continue
        org, listed = owner
        if dim_id not in listed.remit:
            yield At(doc, (*where, "url"),
                     f"{org.name} ({listed.kind.replace('_', ' ')}) is primary only for "
                     f"{', '.join(listed.remit)}, not {dim_id}",
                     f"cite {party.name}'s own page for {dim_id}, or mark this source role: lead")
        elif source["kind"] not in listed.source_kinds:
            yield At(doc, (*where, "url"),
                     f"a {source['kind']} page of {org.name} is not primary; "
                     f"its primary kinds are {', '.join(listed.source_kinds)}",
                     "set the kind that the page is, or mark this source role: lead")
        elif listed.needs_quote and not source.get("quote"):
            # a person who read the live list vouched for it: asked for at the next reading
            live = "retrieved" in source and "verified" in cell
            yield doc.finding((*where, "url"), "TR106",
                              f"a page of {org.name} backs {dim_id} only with a quote that names "
                              f"{party.name}" + (" (read live: add it at the next reading)" if live else ""),
                              f"add `quote:` with the page's exact words that name {party.name}",
                              severity="warning" if live else "error")

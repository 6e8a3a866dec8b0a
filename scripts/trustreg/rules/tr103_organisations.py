"""TR103: developer and platform name declared organisations."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, rule


@rule("TR103", "organisations-resolve", "offering",
      "developer and platform are ids of company files under organisations/.")
def check(doc: Document, ctx: Context) -> Iterator[At]:
    for role in ("developer", "platform"):
        org_id = doc.data[role]
        org = ctx.organisations.get(org_id)
        if org is None:
            yield At(doc, (role,), f"{role} {org_id!r} is not a declared organisation",
                     f"add organisations/{org_id}.yaml or use an existing id")
        elif org.kind != "company":
            yield At(doc, (role,), f"{role} {org_id!r} is an {org.kind}, not a company",
                     "name the company that develops or serves the offering")

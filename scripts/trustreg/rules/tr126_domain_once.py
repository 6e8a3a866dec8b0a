"""TR126: no two organisations claim one domain (sources on it would be primary for both)."""

from collections.abc import Iterator

from ..loader import Document
from .base import At, Context, rule


def _covers(domain: str, other: str) -> bool:
    """Whether a claim of `domain` covers `other` (the same domain, or one under it)."""
    return other == domain or other.endswith("." + domain)


@rule("TR126", "domain-claimed-once", "registry",
      "No two organisations claim one domain, nor one a domain under another's: each host's pages "
      "belong to one party (TR106 counts them as its primary sources).", kinds=("organisation",))
def check(docs: list[Document], ctx: Context) -> Iterator[At]:
    claims = [(domain.lower().rstrip("."), doc, i) for doc in docs
              for i, domain in enumerate(doc.data["domains"])]
    for name, doc, i in claims:  # each side is reported, naming the other
        for other, theirs, _ in claims:
            if theirs is not doc and (_covers(other, name) or _covers(name, other)):
                yield At(doc, ("domains", i),
                         f"{doc.data['id']}: domain {doc.data['domains'][i]} is claimed by "
                         f"{theirs.data['id']} too ({theirs.path}: {other})",
                         "one party owns a domain: merge the two organisations, or remove the "
                         "domain from the one that does not own it")
                break

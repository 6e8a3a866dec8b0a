"""TR203 (with --base): changes to what decides which sources count as primary.

The independent parties of schema/vocabulary.yaml and the organisations' domains decide
whose pages TR106 accepts as primary sources, so a change to either is shown for review.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import gitdata, loader
from .checker import Result
from .findings import Finding, FindingError
from .workspace import ORGANISATIONS_DIR, VOCABULARY_FILE

HINT = "a reviewer confirms it: this decides which sources count as primary"


def _parties(vocabulary: Any) -> dict[str, Any]:
    listed = vocabulary.get("independent_parties") if isinstance(vocabulary, dict) else None
    return {p.get("organisation"): p for p in listed or [] if isinstance(p, dict)}


def _at(blobs: gitdata.Blobs, tree: dict[str, str], path: str) -> Any:
    try:
        return gitdata.load_blob(blobs, tree[path], path).data if path in tree else None
    except FindingError:
        return None


def basis_findings(root: Path, rev: str, result: Result) -> list[Finding]:
    """Warnings for independent parties and organisation domains that differ from rev's."""
    schema_tree = gitdata.tree_blobs(root, rev, VOCABULARY_FILE.rsplit("/", 1)[0])
    org_tree = gitdata.tree_blobs(root, rev, ORGANISATIONS_DIR)
    with gitdata.Blobs(root) as blobs:
        old_parties = _parties(_at(blobs, schema_tree, VOCABULARY_FILE))
        old_orgs = {p: _at(blobs, org_tree, p) for p in org_tree}
    found: list[Finding] = []
    try:
        vocab = loader.load(root / VOCABULARY_FILE, VOCABULARY_FILE)
    except FindingError:
        vocab = None  # the check reports it
    if vocab is not None:
        new_parties = _parties(vocab.data)
        for i, (org, party) in enumerate(new_parties.items()):
            if old_parties.get(org) != party:
                what = "is listed" if org not in old_parties else "changed"
                found.append(vocab.finding(("independent_parties", i), "TR203",
                                           f"independent party {org} {what} since the base "
                                           f"(primary for {', '.join(party.get('remit') or [])})",
                                           HINT, severity="warning"))
        for org in sorted(set(old_parties) - set(new_parties), key=str):
            found.append(vocab.finding(("independent_parties",), "TR203",
                                       f"independent party {org} was removed since the base",
                                       HINT, severity="warning"))
    for doc in result.valid("organisation"):
        old = old_orgs.get(doc.path)
        old_domains = old.get("domains") if isinstance(old, dict) else None
        if old_domains != doc.data["domains"]:
            was = ", ".join(map(str, old_domains or []))
            what = "new organisation" if old is None else f"domains were {was}"
            found.append(doc.finding(("domains",), "TR203", f"{doc.data['id']} declares domains "
                                     f"{', '.join(doc.data['domains'])} ({what})", HINT,
                                     severity="warning"))
    return found

"""TR204 (with --base): changes to the independent parties whose pages count as primary.

`independent_parties` in schema/vocabulary.yaml decides which authorities and registries
TR106 accepts as primary sources, and for which dimensions; a change is shown for review
(organisation domains are TR203's).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import gitdata, loader
from .findings import Finding, FindingError
from .workspace import VOCABULARY_FILE

HINT = "a reviewer confirms it: this decides which sources count as primary"


def _parties(vocabulary: Any) -> dict[Any, Any]:
    listed = vocabulary.get("independent_parties") if isinstance(vocabulary, dict) else None
    return {p["organisation"]: p for p in listed if isinstance(p, dict)  # the base may hold anything
            and isinstance(p.get("organisation"), str)} if isinstance(listed, list) else {}


def _base_vocabulary(root: Path, rev: str) -> Any:
    tree = gitdata.tree_blobs(root, rev, VOCABULARY_FILE.rsplit("/", 1)[0])
    if VOCABULARY_FILE not in tree:
        return None
    with gitdata.Blobs(root) as blobs:
        try:
            return gitdata.load_blob(blobs, tree[VOCABULARY_FILE], VOCABULARY_FILE).data
        except FindingError:
            return None


def basis_findings(root: Path, rev: str) -> list[Finding]:
    """Warnings for independent parties listed, changed or removed since rev."""
    try:
        vocab = loader.load(root / VOCABULARY_FILE, VOCABULARY_FILE)
    except FindingError:
        return []  # the check reports it
    old, new = _parties(_base_vocabulary(root, rev)), _parties(vocab.data)
    found = []
    for i, (org, party) in enumerate(new.items()):
        if old.get(org) != party:
            what = "is listed" if org not in old else "changed"
            remit = ", ".join(map(str, party.get("remit") or []))
            found.append(vocab.finding(("independent_parties", i), "TR204",
                                       f"independent party {org} {what} since the base "
                                       f"(primary for {remit})", HINT, severity="warning"))
    for org in sorted(set(old) - set(new), key=str):
        found.append(vocab.finding(("independent_parties",), "TR204",
                                   f"independent party {org} was removed since the base", HINT,
                                   severity="warning"))
    return found

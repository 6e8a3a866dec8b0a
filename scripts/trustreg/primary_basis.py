"""TR204 (with --base): changes to the evidence rules of schema/vocabulary.yaml.

Which sources count as primary and what each grade needs are data: `independent_parties`
(which authorities and registries TR106 accepts, for which dimensions), which `source_kinds`
are primary, each grade's `evidence`, `forbids_routes` and `positive`, and `lead_pages` and
`primary_pages` where the vocabulary has them. A change to any of them is shown for review
(organisation domains are TR203's, a cell's route_via TR206's).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import gitdata, loader
from .findings import Finding, FindingError
from .loader import Document
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


# Entries by id, and the keys of each that decide what evidence counts: (section, what, keys).
KEYED = (("source_kinds", "source kind", ("primary",)),
         ("grades", "grade", ("evidence", "forbids_routes", "positive")))
LISTS = ("lead_pages", "primary_pages")  # compared entry by entry


def _entries(vocabulary: Any, section: str) -> list[Any]:
    listed = vocabulary.get(section) if isinstance(vocabulary, dict) else None
    return listed if isinstance(listed, list) else []


def _shown(value: Any) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(map(_shown, value)) + "]"
    return str(value)


def rule_findings(vocab: Document, base: Any) -> list[Finding]:
    """Warnings for the evidence rules (KEYED, LISTS) that differ from the base's."""
    found = []
    for section, what, keys in KEYED:
        old = {e.get("id"): e for e in _entries(base, section) if isinstance(e, dict)}
        new_ids = set()
        for i, entry in enumerate(_entries(vocab.data, section)):
            ident = entry.get("id")
            new_ids.add(ident)
            was = old.get(ident, {})
            for key in keys:
                default = False if key == "positive" else None
                before, now = was.get(key, default), entry.get(key, default)
                if before != now:
                    found.append(vocab.finding((section, i, *((key,) if key in entry else ())), "TR204",
                                               f"{what} {ident}: {key} changed from {_shown(before)} "
                                               f"to {_shown(now)} since the base", HINT, severity="warning"))
        for ident in sorted(set(old) - new_ids, key=str):
            found.append(vocab.finding((section,), "TR204", f"{what} {ident} was removed since the base",
                                       HINT, severity="warning"))
    for section in LISTS:
        before, now = _entries(base, section), _entries(vocab.data, section)
        for i, entry in enumerate(now):
            if entry not in before:
                found.append(vocab.finding((section, i), "TR204",
                                           f"{section} entry {i + 1} is new or changed since the base",
                                           HINT, severity="warning"))
        if any(entry not in now for entry in before):
            found.append(vocab.finding((section,) if section in vocab.data else (), "TR204",
                                       f"a {section} entry was removed since the base", HINT,
                                       severity="warning"))
    return found


def basis_findings(root: Path, rev: str) -> list[Finding]:
    """Warnings for independent parties listed, changed or removed since rev, and for the other
    evidence rules changed since (rule_findings)."""
    try:
        vocab = loader.load(root / VOCABULARY_FILE, VOCABULARY_FILE)
    except FindingError:
        return []  # the check reports it
    base = _base_vocabulary(root, rev)
    old, new = _parties(base), _parties(vocab.data)
    found = rule_findings(vocab, base) if base is not None else []
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

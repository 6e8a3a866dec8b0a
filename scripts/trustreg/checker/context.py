"""What every rule reads, loaded once per run: the shipped schemas, registry.yaml, the vocabulary
and the organisations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import loader
from ..findings import Finding, FindingError
from ..jsonschemas.common import SCHEMA_DIR
from ..jsonschemas.shipped import shipped_schema_findings
from ..jsonschemas.validation import SchemaSet
from ..model import organisation_from_data
from ..rules import Context
from ..vocabulary import from_data as vocabulary_from_data
from ..vocabulary import reference_problems
from ..workspace import (
    EXCERPTS_DIR,
    OFFERINGS_DIR,
    ORGANISATIONS_DIR,
    REGISTRY_FILE,
    VOCABULARY_FILE,
    organisation_files,
)
from .cached import open_cache
from .files import FileChecker
from .selection import rules_for


def vocabulary_findings(doc: loader.Document) -> list[Finding]:
    """TR116: ids in the vocabulary are unique and every dimension's group is declared."""
    found = []
    groups = {g["id"] for g in doc.data["groups"]}
    for part in ("grades", "groups", "dimensions"):
        seen: set[str] = set()
        for i, item in enumerate(doc.data[part]):
            if item["id"] in seen:
                found.append(doc.finding((part, i, "id"), "TR116", f"{part} id {item['id']!r} "
                                         "is declared twice", "give each entry its own id"))
            seen.add(item["id"])
            if part == "dimensions" and item["group"] not in groups:
                found.append(doc.finding((part, i, "group"), "TR116",
                                         f"group {item['group']!r} is not declared",
                                         f"use one of: {', '.join(sorted(groups))}"))
    found += [doc.finding(where, "TR116", problem, hint)
              for where, problem, hint in reference_problems(doc.data)]
    return found


def load_fixed(root: Path, rel: str, kind: str, found: list[Finding]) -> loader.Document | None:
    """Load and schema-check registry.yaml or the vocabulary (needed before any rule); their
    findings go to found."""
    try:
        doc = loader.load(root / rel, rel)
    except FindingError as exc:
        found.append(exc.finding)
        return None
    problems = SchemaSet(root, None).findings(doc, kind)
    if kind == "vocabulary" and not problems:
        problems = vocabulary_findings(doc)
    found.extend(problems)
    return None if problems else doc


def load_context(root: Path, codes: set[str], today: date, stale_days: int | None, use_cache: bool,
                 found: list[Finding],
                 organisations: list[loader.Document]) -> tuple[Context, FileChecker]:
    """The context, and the file checker that checked the organisations (with the run's cache).

    Findings go to found and the organisations that pass to organisations as they are loaded, so
    a caller has them when this raises FindingError (the registry's own files are broken)."""
    # a linked folder would read outside the root
    for folder in (SCHEMA_DIR, ORGANISATIONS_DIR, OFFERINGS_DIR, EXCERPTS_DIR):
        if (root / folder).is_symlink():
            raise FindingError(Finding(folder, 1, 1, "TR001", "folder is a symbolic link",
                                       "commit the folder itself, not a link"))
    found.extend(shipped_schema_findings(root))  # all else depends on them
    if found:
        raise FindingError(found[0])
    meta = load_fixed(root, REGISTRY_FILE, "registry", found)
    vocab_doc = load_fixed(root, VOCABULARY_FILE, "vocabulary", found)
    if meta is None or vocab_doc is None:
        raise FindingError(found[0])
    vocab = vocabulary_from_data(vocab_doc.data)
    cache = open_cache(root, vocab_doc, meta, today, stale_days, codes) if use_cache else None
    files = FileChecker(root, codes, cache)
    ctx = Context(root, vocab, meta.data, {}, SchemaSet(root, vocab), today,
                  meta.data["stale_after_days"] if stale_days is None else stale_days)
    for rule in rules_for(codes, "registry", ("file", "offering")):  # e.g. TR107 on license_url
        found.extend(rule.run(meta, ctx))
    for file in organisation_files(root):
        doc, problems = files.results([file], "organisation", ctx)[0]
        found.extend(problems)
        if doc is not None:
            ctx.organisations[doc.data["id"]] = organisation_from_data(doc.data)
            organisations.append(doc)
    return ctx, files

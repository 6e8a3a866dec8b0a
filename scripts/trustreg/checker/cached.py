"""The per-file result cache as a run uses it: keyed by every input a result depends on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import loader
from ..cache import ResultCache, cache_root, fingerprint
from ..findings import Finding, FindingError
from ..jsonschemas.common import SCHEMA_DIR
from ..workspace import display, organisation_files


def open_cache(root: Path, vocab_doc: loader.Document, meta: loader.Document, today: date,
               stale_days: int | None, codes: set[str]) -> ResultCache:
    """The cache for this run's fingerprint: every input a per-file result depends on."""
    parts = [vocab_doc.text, meta.text, today.isoformat(), str(stale_days),
             ",".join(sorted(codes)), str(loader.C_PARSER)]
    for file in [*sorted((root / SCHEMA_DIR).glob("*.json")), *organisation_files(root)]:
        try:  # read like any data file: a link or a device must not hang or leak
            content = loader.read_text(file, file.name)
        except FindingError as exc:
            content = exc.finding.text()
        parts += [file.name, content]
    return ResultCache(cache_root(), fingerprint(parts))


def cached(cache: ResultCache, root: Path, file: Path) -> tuple[loader.Document, list[Finding]] | None:
    """The cached result for a file whose text has not changed, if any."""
    name = display(root, file)
    try:  # an entry exists only for text that passed decode(): no need to scan it again
        text = loader.read_bytes(file, name).decode("utf-8")
    except (FindingError, UnicodeDecodeError):
        return None
    return cache.get(ResultCache.key(name, text), name, text)


def store(cache: ResultCache, fresh: list[tuple[loader.Document | None, list[Finding]]]) -> None:
    """Keep the results checked in this run (a run with errors stores none: the caller decides)."""
    for doc, found in fresh:
        if doc is not None:
            cache.put(ResultCache.key(doc.path, doc.text), doc, found)

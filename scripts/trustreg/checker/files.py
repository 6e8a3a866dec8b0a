"""Each file alone: load it, validate it, run the file and offering rules; from the cache when it
holds the result, on a pool of workers when many files need checking."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from pathlib import Path

from .. import loader
from ..cache import ResultCache
from ..findings import Finding, FindingError
from ..rules import Context
from ..workspace import display
from .cached import cached
from .comparable import sound_cells
from .selection import rules_for

PARALLEL_FROM = 400  # below this many offering files, starting workers costs more than it saves
CHUNK = 100  # files a worker checks per task
_WORKER: tuple[FileChecker, Context, str] | None = None
Results = list[tuple[loader.Document | None, list[Finding]]]


def _check_chunk(files: list[Path]) -> Results:
    """Run in a forked worker: per-file results for a share of the files."""
    assert _WORKER is not None
    checker, ctx, kind = _WORKER
    gc.disable()  # short-lived worker; its garbage is acyclic
    results = [checker.findings(f, kind, ctx) for f in files]
    return [(loader.slim(doc) if doc else None, found) for doc, found in results]


class FileChecker:
    """Checks files one at a time, and remembers the results it checked (to cache if clean)."""

    def __init__(self, root: Path, codes: set[str], cache: ResultCache | None) -> None:
        self.root = root
        self.codes = codes
        self.cache = cache
        self.fresh: Results = []

    def findings(self, file: Path, kind: str, ctx: Context) -> tuple[loader.Document | None, list[Finding]]:
        """Load one file, validate it, and run the file and offering rules on it.

        A file that fails its schema gets no further rules (they assume its shape), unless
        every schema error lies inside cells: the offering rules then run on the other cells.
        """
        name = display(self.root, file)
        try:
            text = loader.read_text(file, name)
        except FindingError as exc:
            return None, [exc.finding]
        return self.text_findings(text, name, kind, ctx)

    def text_findings(self, text: str, name: str, kind: str,
                      ctx: Context) -> tuple[loader.Document | None, list[Finding]]:
        """Load a file's text (as if it were at name), validate it, and run the file and
        offering rules on it: what `check` says of that file, less the rules across files."""
        try:
            doc = loader.loads(text, name)
        except FindingError as exc:
            return None, [exc.finding]
        problems = ctx.schemas.findings(doc, kind)
        if problems:
            found = [f for f in problems if f.code in self.codes]
            sound = sound_cells(doc, [e.instance_path for e in ctx.schemas.fast(kind).iter_errors(doc.data)])
            if sound is not None:  # the other cells' mistakes are reported in the same run
                for rule in rules_for(self.codes, kind, ("offering",)):
                    found.extend(rule.run(sound, ctx))
            return None, found
        found: list[Finding] = []
        for rule in rules_for(self.codes, kind, ("file", "offering")):
            found.extend(rule.run(doc, ctx))
        return doc, found

    def results(self, files: list[Path], kind: str, ctx: Context) -> Results:
        """Per-file results: cached ones first, the rest checked (on every core when many)."""
        results: dict[Path, tuple[loader.Document | None, list[Finding]]] = {}
        if self.cache and self.cache.folder.is_dir():  # a new fingerprint has no entries yet
            # decoded entries live to the end of the run: freeze them out of the collector's way
            gc.disable()
            try:
                for file in files:
                    hit = cached(self.cache, self.root, file)
                    if hit:
                        results[file] = hit
            finally:
                gc.freeze()
                gc.enable()
        misses = [f for f in files if f not in results]
        hits = set(results)
        workers = min(os.cpu_count() or 1, 4)
        if len(misses) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
            results.update((f, self.findings(f, kind, ctx)) for f in misses)
        else:
            global _WORKER
            _WORKER = (self, ctx, kind)
            # small chunks stream back while the workers go on, instead of all at the end
            chunks = [misses[i:i + CHUNK] for i in range(0, len(misses), CHUNK)]
            gc.disable()
            try:
                with mp.get_context("fork").Pool(workers) as pool:
                    parts = list(pool.imap(_check_chunk, chunks))
            finally:
                gc.enable()
            for chunk, part in zip(chunks, parts, strict=True):
                results.update(zip(chunk, part, strict=True))
        self.fresh.extend(results[f] for f in files if f not in hits)
        return [results[f] for f in files]

"""Run the loader, the schemas and the lint rules over a registry checkout."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import loader
from .cache import ResultCache, cache_root, fingerprint
from .findings import Finding, FindingError
from .model import organisation_from_data
from .rules import RULES, Context, Rule
from .schemas import SCHEMA_DIR, SchemaSet, shipped_schema_findings
from .vocabulary import from_data as vocabulary_from_data
from .vocabulary import reference_problems
from .workspace import (
    EXCERPTS_DIR,
    OFFERINGS_DIR,
    ORGANISATIONS_DIR,
    REGISTRY_FILE,
    VOCABULARY_FILE,
    display,
    excerpt_files,
    kind_of,
    offering_files,
    organisation_files,
)

TODAY_ENV = "TRUSTREG_TODAY"
PARALLEL_FROM = 400  # below this many offering files, starting workers costs more than it saves
CHUNK = 100  # files a worker checks per task
_WORKER: tuple[Checker, Context, str] | None = None


def _check_chunk(files: list[Path]) -> list[tuple[loader.Document | None, list[Finding]]]:
    """Run in a forked worker: per-file results for a share of the files."""
    assert _WORKER is not None
    checker, ctx, kind = _WORKER
    gc.disable()  # short-lived worker; its garbage is acyclic
    results = [checker._file_findings(f, kind, ctx) for f in files]
    return [(loader.slim(doc) if doc else None, found) for doc, found in results]


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


def _without(doc: loader.Document, broken: set[str]) -> loader.Document:
    """The document less some cells; marks stay those of the file as written."""
    cells = doc.data["cells"]
    kept = replace(doc, data={**doc.data, "cells": {d: c for d, c in cells.items() if d not in broken}})
    kept.__dict__["_index"] = doc._index
    return kept


def sound_cells(doc: loader.Document, errors: Iterable[Sequence[str | int]]) -> loader.Document | None:
    """The document less the cells that schema errors lie in, if every error lies inside a cell."""
    cells = doc.data.get("cells") if isinstance(doc.data, dict) else None
    if not isinstance(cells, dict):  # not an offering, or a TR117 finding (no schema error)
        return None
    broken = set()
    for where in errors:
        if len(where) < 2 or where[0] != "cells" or where[1] not in cells:
            return None
        broken.add(where[1])
    if not broken:  # the problems were found by other means than the schema: nothing is known sound
        return None
    return _without(doc, broken)


COMPARED_BY = ("id", "developer", "platform", "cells")  # what the registry rules group and compare by


def comparable(doc: loader.Document, errors: Iterable[Sequence[str | int]]) -> loader.Document | None:
    """What the registry rules may compare of a file that fails its schema: the document less the
    cells that errors lie in, whatever errors lie elsewhere; None when the keys they compare by
    (id, developer, platform, the cells mapping) are themselves broken."""
    data = doc.data
    if not (isinstance(data, dict) and isinstance(data.get("cells"), dict)
            and all(isinstance(data.get(k), str) for k in COMPARED_BY[:3])):
        return None
    broken = set()
    for where in errors:
        if tuple(where[:1]) in {(k,) for k in COMPARED_BY} and len(where) <= 1:
            return None
        if len(where) >= 2 and where[0] == "cells":
            broken.add(where[1])
    broken |= {d for d, c in data["cells"].items() if not isinstance(c, dict)}
    return _without(doc, broken)


def within(root: Path, paths: list[Path]) -> Callable[[str], bool]:
    """Whether a path as findings show it is one of paths, or inside one of those folders."""
    wanted = {display(root, p) for p in paths}
    folders = tuple(f"{display(root, p)}/" for p in paths if p.is_dir())
    return lambda shown: shown in wanted or shown.startswith(folders)


def today() -> date:
    """Today's date, or the one TRUSTREG_TODAY names (for reproducible runs)."""
    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return date.today()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fixed):
            return date.fromisoformat(fixed)
    except ValueError:
        pass
    from .cli import UsageError
    from .workspace import quoted

    raise UsageError(f"{TODAY_ENV} must be a date as YYYY-MM-DD, not {quoted(fixed)}")


def selected(codes: Iterable[str] | None, ignore: Iterable[str] | None) -> set[str]:
    """Rule codes chosen by --select and --ignore (prefixes, as in ruff: TR1 means TR1xx)."""
    chosen = {c for c in RULES if not codes or any(c.startswith(p) for p in codes)}
    return {c for c in chosen if not any(c.startswith(p) for p in ignore or ())}


@dataclass
class Result:
    """The findings of a run and the documents that passed their schema, by kind."""

    findings: list[Finding] = field(default_factory=list)
    documents: dict[str, list[loader.Document]] = field(default_factory=dict)

    def valid(self, kind: str) -> list[loader.Document]:
        return self.documents.get(kind, [])

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


class Checker:
    """Checks a registry: each file alone, then across files."""

    def __init__(self, root: Path, *, select: Iterable[str] | None = None,
                 ignore: Iterable[str] | None = None, stale_days: int | None = None,
                 on: date | None = None, use_cache: bool = False) -> None:
        self.root = root
        self.codes = selected(select, ignore)
        self.stale_days = stale_days
        self.today = on or today()
        self._ctx: Context | None = None
        self._base_findings: list[Finding] = []
        self._organisations: list[loader.Document] = []
        self._fresh: list[tuple[loader.Document | None, list[Finding]]] = []  # to cache if clean
        self._cache: ResultCache | None = None
        self.use_cache = use_cache

    @property
    def ctx(self) -> Context:
        """The context: registry metadata, vocabulary and organisations, loaded once."""
        if self._ctx is None:
            self._ctx = self._load_context()
        return self._ctx

    def _load_context(self) -> Context:
        # a linked folder would read outside the root
        for folder in (SCHEMA_DIR, ORGANISATIONS_DIR, OFFERINGS_DIR, EXCERPTS_DIR):
            if (self.root / folder).is_symlink():
                raise FindingError(Finding(folder, 1, 1, "TR001", "folder is a symbolic link",
                                           "commit the folder itself, not a link"))
        self._base_findings.extend(shipped_schema_findings(self.root))  # all else depends on them
        if self._base_findings:
            raise FindingError(self._base_findings[0])
        meta = self._load_fixed(REGISTRY_FILE, "registry")
        vocab_doc = self._load_fixed(VOCABULARY_FILE, "vocabulary")
        if meta is None or vocab_doc is None:
            raise FindingError(self._base_findings[0])
        vocab = vocabulary_from_data(vocab_doc.data)
        if self.use_cache:
            self._cache = self._open_cache(vocab_doc, meta)
        ctx = Context(self.root, vocab, meta.data, {}, SchemaSet(self.root, vocab), self.today,
                      meta.data["stale_after_days"] if self.stale_days is None else self.stale_days)
        for rule in self._rules("registry", ("file", "offering")):  # e.g. TR107 on license_url
            self._base_findings.extend(rule.run(meta, ctx))
        for file in organisation_files(self.root):
            doc, found = self._results([file], "organisation", ctx)[0]
            self._base_findings.extend(found)
            if doc is not None:
                ctx.organisations[doc.data["id"]] = organisation_from_data(doc.data)
                self._organisations.append(doc)
        return ctx

    def _open_cache(self, vocab_doc: loader.Document, meta: loader.Document) -> ResultCache:
        """The cache for this run's fingerprint: every input a per-file result depends on."""
        parts = [vocab_doc.text, meta.text, self.today.isoformat(), str(self.stale_days),
                 ",".join(sorted(self.codes)), str(loader.C_PARSER)]
        for file in [*sorted((self.root / SCHEMA_DIR).glob("*.json")), *organisation_files(self.root)]:
            try:  # read like any data file: a link or a device must not hang or leak
                content = loader.read_text(file, file.name)
            except FindingError as exc:
                content = exc.finding.text()
            parts += [file.name, content]
        return ResultCache(cache_root(), fingerprint(parts))

    def _load_fixed(self, rel: str, kind: str) -> loader.Document | None:
        """Load and schema-check registry.yaml or the vocabulary (needed before any rule)."""
        try:
            doc = loader.load(self.root / rel, rel)
        except FindingError as exc:
            self._base_findings.append(exc.finding)
            return None
        problems = SchemaSet(self.root, None).findings(doc, kind)
        if kind == "vocabulary" and not problems:
            problems = vocabulary_findings(doc)
        self._base_findings.extend(problems)
        return None if problems else doc

    def _file_findings(self, file: Path, kind: str,
                       ctx: Context) -> tuple[loader.Document | None, list[Finding]]:
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
                      ctx: Context | None = None) -> tuple[loader.Document | None, list[Finding]]:
        """Load a file's text (as if it were at name), validate it, and run the file and
        offering rules on it: what `check` says of that file, less the rules across files."""
        ctx = ctx or self.ctx
        try:
            doc = loader.loads(text, name)
        except FindingError as exc:
            return None, [exc.finding]
        problems = ctx.schemas.findings(doc, kind)
        if problems:
            found = [f for f in problems if f.code in self.codes]
            sound = sound_cells(doc, [e.instance_path for e in ctx.schemas.fast(kind).iter_errors(doc.data)])
            if sound is not None:  # the other cells' mistakes are reported in the same run
                for rule in self._rules(kind, ("offering",)):
                    found.extend(rule.run(sound, ctx))
            return None, found
        found: list[Finding] = []
        for rule in self._rules(kind, ("file", "offering")):
            found.extend(rule.run(doc, ctx))
        return doc, found

    def _results(self, files: list[Path], kind: str,
                 ctx: Context) -> list[tuple[loader.Document | None, list[Finding]]]:
        """Per-file results: cached ones first, the rest checked (on every core when many)."""
        results: dict[Path, tuple[loader.Document | None, list[Finding]]] = {}
        if self._cache and self._cache.folder.is_dir():  # a new fingerprint has no entries yet
            # decoded entries live to the end of the run: freeze them out of the collector's way
            gc.disable()
            try:
                for file in files:
                    hit = self._cached(file)
                    if hit:
                        results[file] = hit
            finally:
                gc.freeze()
                gc.enable()
        misses = [f for f in files if f not in results]
        hits = set(results)
        workers = min(os.cpu_count() or 1, 4)
        if len(misses) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
            results.update((f, self._file_findings(f, kind, ctx)) for f in misses)
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
        self._fresh.extend(results[f] for f in files if f not in hits)
        return [results[f] for f in files]

    def _cached(self, file: Path) -> tuple[loader.Document, list[Finding]] | None:
        """The cached result for a file whose text has not changed, if any."""
        assert self._cache is not None
        name = display(self.root, file)
        try:  # an entry exists only for text that passed decode(): no need to scan it again
            text = loader.read_bytes(file, name).decode("utf-8")
        except (FindingError, UnicodeDecodeError):
            return None
        return self._cache.get(ResultCache.key(name, text), name, text)

    def _rules(self, kind: str, scopes: tuple[str, ...]) -> list[Rule]:
        return [r for r in RULES.values()
                if r.code in self.codes and r.scope in scopes and kind in r.kinds]

    def run(self, paths: Iterable[Path] | None = None) -> Result:
        """Check the whole registry; with paths, report only findings in those files."""
        self._base_findings, self._organisations, self._fresh, self._ctx = [], [], [], None
        try:
            ctx = self.ctx
        except FindingError as exc:  # the registry's own files are broken: nothing else is checked
            return Result(sorted({*self._base_findings, exc.finding}), {})
        findings = list(self._base_findings)
        offerings: list[loader.Document] = []
        compared: list[loader.Document] = []  # also what loads of the files that fail their schema
        files = offering_files(self.root)
        for file, (doc, found) in zip(files, self._results(files, "offering", ctx), strict=True):
            findings.extend(found)
            if doc is not None:
                offerings.append(doc)
                compared.append(doc)
            elif found:  # it did not load, or failed its schema
                partial = self._comparable(file, ctx)
                if partial is not None:
                    compared.append(partial)
        findings.extend(self._load_excerpts(ctx))
        for rule in self._rules("offering", ("registry",)):
            findings.extend(rule.run(compared, ctx))
        for rule in self._rules("organisation", ("registry",)):  # e.g. TR126
            findings.extend(rule.run(self._organisations, ctx))
        if paths is not None:
            findings = self._only(findings, list(paths))
        documents = {"organisation": self._organisations, "offering": offerings}
        result = Result(sorted(set(findings)), documents)
        if self._cache and not result.errors:  # a run with errors leaves nothing behind
            for doc, found in self._fresh:
                if doc is not None:
                    self._cache.put(ResultCache.key(doc.path, doc.text), doc, found)
        return result

    def _comparable(self, file: Path, ctx: Context) -> loader.Document | None:
        """A file that failed its schema, loaded again for the registry rules (rare: not cached);
        None when it does not load at all."""
        try:
            doc = loader.load(file, display(self.root, file))
        except FindingError:
            return None
        return comparable(doc, [e.instance_path for e in ctx.schemas.fast("offering").iter_errors(doc.data)])

    def _load_excerpts(self, ctx: Context) -> list[Finding]:
        """Check each excerpt file alone and keep it in ctx.excerpts for the registry rules."""
        ctx.excerpts.clear()
        findings: list[Finding] = []
        files = excerpt_files(self.root)
        for file, (doc, found) in zip(files, self._results(files, "excerpt", ctx), strict=True):
            findings.extend(found)
            ctx.excerpts[display(self.root, file)] = doc
        return findings

    def _only(self, findings: list[Finding], paths: list[Path]) -> list[Finding]:
        reported = within(self.root, paths)
        # an excerpt asked for brings the findings on the quotes checked against it (TR135, TR137)
        excerpts = tuple(display(self.root, p) for p in paths if kind_of(self.root, p) == "excerpt")
        inside = [f for f in findings if reported(f.path) or (excerpts and any(
            name in f.message for name in excerpts))]
        for path in paths:  # a draft outside offerings/ is checked as an offering
            if kind_of(self.root, path) is None and path.suffix in (".yaml", ".yml"):
                inside.extend(self._file_findings(path, "offering", self.ctx)[1])
        return inside

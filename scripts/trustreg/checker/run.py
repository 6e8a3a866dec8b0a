"""A run of the checker: the context, each file alone, then across files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import loader
from ..findings import Finding, FindingError
from ..rules import Context
from ..workspace import display, kind_of, offering_files
from .cached import store
from .context import load_context
from .files import FileChecker
from .registry import comparable_file, load_excerpts, registry_findings
from .selection import selected, today, within


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
        self._files: FileChecker | None = None
        self._base_findings: list[Finding] = []
        self._organisations: list[loader.Document] = []
        self.use_cache = use_cache

    @property
    def ctx(self) -> Context:
        """The context: registry metadata, vocabulary and organisations, loaded once."""
        if self._ctx is None:
            self._ctx, self._files = load_context(self.root, self.codes, self.today, self.stale_days,
                                                  self.use_cache, self._base_findings,
                                                  self._organisations)
        return self._ctx

    def text_findings(self, text: str, name: str, kind: str,
                      ctx: Context | None = None) -> tuple[loader.Document | None, list[Finding]]:
        """Load a file's text (as if it were at name), validate it, and run the file and
        offering rules on it: what `check` says of that file, less the rules across files."""
        ctx = ctx or self.ctx
        assert self._files is not None
        return self._files.text_findings(text, name, kind, ctx)

    def run(self, paths: Iterable[Path] | None = None) -> Result:
        """Check the whole registry; with paths, report only findings in those files."""
        self._base_findings, self._organisations, self._ctx, self._files = [], [], None, None
        try:
            ctx = self.ctx
        except FindingError as exc:  # the registry's own files are broken: nothing else is checked
            return Result(sorted({*self._base_findings, exc.finding}), {})
        assert self._files is not None
        findings = list(self._base_findings)
        offerings: list[loader.Document] = []
        compared: list[loader.Document] = []  # also what loads of the files that fail their schema
        files = offering_files(self.root)
        for file, (doc, found) in zip(files, self._files.results(files, "offering", ctx), strict=True):
            findings.extend(found)
            if doc is not None:
                offerings.append(doc)
                compared.append(doc)
            elif found:  # it did not load, or failed its schema
                partial = comparable_file(self.root, file, ctx)
                if partial is not None:
                    compared.append(partial)
        findings.extend(load_excerpts(self._files, ctx))
        findings.extend(registry_findings(self.codes, compared, self._organisations, ctx))
        if paths is not None:
            findings = self._only(findings, list(paths))
        documents = {"organisation": self._organisations, "offering": offerings}
        result = Result(sorted(set(findings)), documents)
        if self._files.cache and not result.errors:  # a run with errors leaves nothing behind
            store(self._files.cache, self._files.fresh)
        return result

    def _only(self, findings: list[Finding], paths: list[Path]) -> list[Finding]:
        reported = within(self.root, paths)
        # an excerpt asked for brings the findings on the quotes checked against it (TR135, TR137)
        excerpts = tuple(display(self.root, p) for p in paths if kind_of(self.root, p) == "excerpt")
        inside = [f for f in findings if reported(f.path) or (excerpts and any(
            name in f.message for name in excerpts))]
        ctx = self.ctx
        assert self._files is not None
        for path in paths:  # a draft outside offerings/ is checked as an offering
            if kind_of(self.root, path) is None and path.suffix in (".yaml", ".yml"):
                inside.extend(self._files.findings(path, "offering", ctx)[1])
        return inside

"""Validate data files against their schemas and the lint rules.

Exit status: 0 no errors (warnings may be printed), 1 findings, 2 usage error. Without errors,
one summary line goes to stderr (stdout holds only the findings, in the --format asked for).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .network import add_network_arguments

if TYPE_CHECKING:
    from ..checker import Result
    from ..findings import Finding


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="files to report on (default: the whole registry)")
    parser.add_argument("--select", action="append", metavar="CODES",
                        help="only these rule codes or prefixes, comma-separated (e.g. TR1,TR2)")
    parser.add_argument("--ignore", action="append", metavar="CODES",
                        help="skip these rule codes or prefixes, comma-separated")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="output format (github: workflow annotations)")
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    parser.add_argument("--stale-days", type=int, metavar="N",
                        help="warn about cells verified more than N days ago "
                             "(default: registry.yaml's stale_after_days)")
    parser.add_argument("--no-cache", action="store_true",
                        help="do not read or write the per-file result cache")
    parser.add_argument("--base", metavar="REV",
                        help="also check corrections since where HEAD and this git revision diverge "
                             "(every corrected cell needs a new primary source and verified date); "
                             "auto: origin/HEAD, the upstream, main or master")
    parser.add_argument("--quotes", action="store_true",
                        help="also fetch each quoted source's page and check the quote is on it "
                             "(TR301; uses the network)")
    add_network_arguments(parser)


def _codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [c.strip().upper() for v in values for c in v.split(",") if c.strip()]


def report_paths(root: Path, paths: list[Path]) -> list[Path] | None:
    """The files and folders to report on (None: the whole registry); UsageError for the rest.

    A folder stands for the registry's files under it; a YAML file outside the registry's
    folders is checked as a draft offering; anything else is no file of the registry.
    """
    from ..cli import UsageError
    from ..jsonschemas.common import SCHEMA_DIR
    from ..workspace import DATA_SUFFIXES, all_data_files, escaped, relative, stray_files

    def registry_file(rel: str) -> bool:
        top = rel.split("/")[0]
        return top in ("offerings", "organisations", "excerpts") or (
            top == SCHEMA_DIR and rel.endswith(".json"))

    known: list[str] | None = None  # the registry's files, listed once if a folder needs them
    for path in paths:
        name, rel = escaped(str(path)), relative(root, path)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"no such file: {name}")
        if path.is_dir() and not path.is_symlink():
            if rel == ".":
                return None
            if known is None:
                files = [*all_data_files(root), *stray_files(root), *(root / SCHEMA_DIR).glob("*.json")]
                known = [r for r in map(lambda f: relative(root, f), files) if r]
            if rel is None or not any(k.startswith(f"{rel}/") for k in known):
                raise UsageError(f"{name} holds no file of the registry at {escaped(str(root))}")
        elif not (path.name.endswith(DATA_SUFFIXES) or registry_file(rel or "")):
            raise UsageError(f"{name} is not a file of the registry (offerings/<id>.yaml, "
                             "organisations/<id>.yaml, excerpts/, registry.yaml, schema/) nor a YAML draft")
    return paths or None


def _quote_findings(args: argparse.Namespace, root: Path, paths: list[Path] | None,
                    docs: list) -> list:
    """TR301 over the offerings reported on (fetching their quoted pages)."""
    from ..checker import within
    from ..watch import quote_findings
    from .network import fetcher

    if paths:
        reported = within(root, paths)
        docs = [d for d in docs if reported(d.path)]
    with fetcher(args) as client:
        return quote_findings(docs, client)


def list_rules() -> str:
    from ..rules import RULES

    lines = [f"{r.code}  {r.name:<28} {r.scope:<9} {r.severity:<8} {r.summary}"
             for r in sorted(RULES.values(), key=lambda r: r.code)]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from ..checker import Checker
    from ..cli import UsageError
    from ..findings import render
    from ..rules import RULES
    from ..workspace import find_root, quoted

    if args.list_rules:
        sys.stdout.write(list_rules())
        return 0
    for code in (_codes(args.select) or []) + (_codes(args.ignore) or []):
        if not any(c.startswith(code) for c in RULES):
            raise UsageError(f"no rule matches {quoted(code)} (see --list-rules)")
    if args.stale_days is not None and args.stale_days < 0:
        raise UsageError("--stale-days must be 0 or more")
    root = find_root(args.root)
    paths = report_paths(root, args.paths)
    checker = Checker(root, select=_codes(args.select), ignore=_codes(args.ignore),
                      stale_days=args.stale_days, use_cache=not args.no_cache)
    result = checker.run(paths)
    findings = result.findings
    if args.base is not None:
        from ..corrections import correction_findings

        corrections = correction_findings(root, args.base, result)
        findings = sorted(findings + [f for f in corrections if f.code in checker.codes])
    if args.quotes and "TR301" in checker.codes:
        findings = sorted(findings + _quote_findings(args, root, paths, result.valid("offering")))
    sys.stdout.write(render(findings, args.format))
    if any(f.severity == "error" for f in findings):
        return 1
    sys.stderr.write(summary(result, findings) + "\n")  # stdout holds only findings (json, github)
    return 0


def summary(result: Result, findings: list[Finding]) -> str:
    """One line for a run without errors, e.g. 'checked 16 offerings and 18 organisations: no findings'."""
    def count(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    checked = (f"checked {count(len(result.valid('offering')), 'offering')} and "
               f"{count(len(result.valid('organisation')), 'organisation')}")
    if not findings:
        return f"{checked}: no findings"
    severities = sorted({f.severity for f in findings})
    return f"{checked}: no errors, " + ", ".join(
        count(sum(f.severity == s for f in findings), s) for s in severities)

"""Rewrite offering and organisation files into the canonical form, atomically.

Only files that load strictly are rewritten; the data before and after is equal. A file with
comments is not rewritten: comments are not data, and each is reported with its line.
Exit status: 0 nothing left to fix, 1 a file could not be loaded or rewritten, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="offering or organisation files, or folders holding them, to format "
                             "(default: every offering and organisation)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a file would change")


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..fixer import NotADataFile, fix_files
    from ..workspace import escaped, find_root

    root = find_root(args.root)
    missing = [escaped(str(p)) for p in args.paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    try:
        report = fix_files(root, args.paths or None, write=not args.check)
    except NotADataFile as exc:
        raise UsageError(str(exc)) from None
    for finding in report.findings:
        print(finding.text(), file=sys.stderr)
    verb = "would reformat" if args.check else "reformatted"
    for path in report.changed:
        print(f"{verb} {path}")
    if report.findings or (args.check and report.changed):
        return 1
    return 0

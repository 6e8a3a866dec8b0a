"""Rewrite offering and organisation files into the canonical form, atomically.

Only files that load strictly are rewritten; the data before and after is equal.
Exit status: 0 nothing left to fix, 1 a file could not be loaded, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="files to format (default: every offering and organisation)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a file would change")


def run(args: argparse.Namespace) -> int:
    from ..fixer import fix_files
    from ..workspace import find_root

    root = find_root(args.root)
    report = fix_files(root, args.paths or None, write=not args.check)
    for finding in report.findings:
        print(finding.text(), file=sys.stderr)
    verb = "would reformat" if args.check else "reformatted"
    for path in report.changed:
        print(f"{verb} {path}")
    if report.findings or (args.check and report.changed):
        return 1
    return 0

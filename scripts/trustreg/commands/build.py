"""Check the registry, then build dist/: data.json, CSV, datapackage, api/v1/, changes.atom, site/.

Nothing is written when the check finds an error. Output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: dist/ in the registry root)")


def run(args: argparse.Namespace) -> int:
    import sys

    from ..api import RegistryError, load_registry
    from ..cli import UsageError
    from ..findings import render
    from ..publish.build import build
    from ..publish.stamps import StampError
    from ..workspace import find_root

    root = find_root(args.root)
    try:
        registry = load_registry(root)
    except RegistryError as exc:
        sys.stdout.write(render(exc.findings, "text"))
        print("trustreg build: the registry has errors; nothing was written", file=sys.stderr)
        return 1
    out = args.out or root / "dist"
    try:
        build(registry, out)
    except StampError as exc:
        raise UsageError(str(exc)) from None
    print(f"built {out}: data.json, offerings.csv, datapackage.json, api/v1/, changes.atom, "
          f"site/ ({len(registry.offerings)} offerings)")
    return 0

"""Check the registry, then build dist/: data.json, JSON Lines, CSV, datapackage, SQLite, api/v1/
(with openapi.json), changes.atom and changes/<id>.atom, releases/<date>/, site/.

Nothing is written when the check finds an error. Output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: dist/ in the registry root); only a missing or empty "
                             "folder, or one an earlier build made, is replaced")


def run(args: argparse.Namespace) -> int:
    import sys

    from ..api import RegistryError, load_registry
    from ..cli import UsageError
    from ..findings import render
    from ..gitdata import GitError
    from ..publish.build import OutputRefused, build, refuse_unsafe
    from ..publish.stamps import StampError
    from ..workspace import escaped, find_root

    root = find_root(args.root)
    out = args.out or root / "dist"
    try:
        refuse_unsafe(root, out, thorough=False)  # before the check, which takes a while
        registry = load_registry(root)
        try:
            build(registry, out, warn=lambda message: print(message, file=sys.stderr))
        except OSError as exc:
            raise UsageError(f"cannot write {escaped(str(out))}: {exc.strerror or exc}") from None
        except GitError as exc:  # e.g. a commit missing from a shallow or partial clone
            raise UsageError(f"cannot read the git history: {escaped(str(exc))}") from None
    except (OutputRefused, StampError) as exc:
        raise UsageError(str(exc)) from None
    except RegistryError as exc:
        sys.stdout.write(render(exc.findings, "text"))
        print("trustreg build: the registry has errors; nothing was written", file=sys.stderr)
        return 1
    print(f"built {escaped(str(out))}: data.json, offerings.jsonl, offerings.csv, datapackage.json, "
          f"registry.sqlite, api/v1/, changes.atom, changes/, releases/, site/ "
          f"({len(registry.offerings)} offerings)")
    return 0

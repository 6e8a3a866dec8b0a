"""List cells verified more than N days ago, oldest first (default: registry.yaml's limit).
Drafts were never verified live: `trustreg show` and `trustreg watch` list them."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--days", type=int, default=None, metavar="N",
                        help="age limit in days (default: stale_after_days in registry.yaml)")


def run(args: argparse.Namespace) -> int:
    import sys

    from ..checker import today
    from ..cli import UsageError
    from ..textviews import stale_cells
    from .lookup import registry_for

    if args.days is not None and args.days < 0:
        raise UsageError("--days must be 0 or more")
    registry = registry_for(args)
    days = registry.meta.stale_after_days if args.days is None else args.days
    found = stale_cells(registry, days, today())
    for offering, cell, age in found:
        print(f"{offering.id}\t{cell.dimension.id}\tverified {cell.verified}\t{age} days ago")
    print(f"{len(found)} cells verified more than {days} days ago", file=sys.stderr)
    return 0

"""Check that every source, archive and trust-center URL still answers (uses the network).

Exit status: 0 all answered, 1 some are broken, 2 usage error.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    parser.add_argument("--workers", type=int, default=8, help="requests in parallel")


def run(args: argparse.Namespace) -> int:
    from ..api import load_registry
    from ..cli import UsageError
    from ..linkcheck import check_links, registry_urls

    if args.timeout <= 0 or args.workers < 1:
        raise UsageError("--timeout must be positive and --workers at least 1")
    results = check_links(registry_urls(load_registry(args.root)), args.workers, args.timeout)
    for result in results:
        status = result.status if result.status is not None else "---"
        print(f"{'ok ' if result.ok else 'BAD'} {status} {result.url} {result.error}".rstrip())
    return 0 if all(r.ok for r in results) else 1

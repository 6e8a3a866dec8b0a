"""Check that every source, archive and trust-center URL still answers (uses the network).

Exit status: 0 all answered, 1 some are broken, 2 usage error.
"""

from __future__ import annotations

import argparse

MAX_TIMEOUT = 600.0
MAX_WORKERS = 64


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timeout", type=float, default=20.0,
                        help=f"seconds per request (more than 0, at most {MAX_TIMEOUT:g})")
    parser.add_argument("--workers", type=int, default=8,
                        help=f"requests in parallel (1 to {MAX_WORKERS})")


def run(args: argparse.Namespace) -> int:
    import sys

    from ..api import RegistryError, load_registry
    from ..cli import UsageError
    from ..findings import render
    from ..linkcheck import check_links, registry_urls

    if not 0 < args.timeout <= MAX_TIMEOUT:  # also refuses nan and inf
        raise UsageError(f"--timeout must be more than 0 and at most {MAX_TIMEOUT:g} seconds")
    if not 1 <= args.workers <= MAX_WORKERS:
        raise UsageError(f"--workers must be 1 to {MAX_WORKERS}")
    try:
        registry = load_registry(args.root)
    except RegistryError as exc:
        sys.stdout.write(render(exc.findings, "text"))
        print("trustreg links: the registry has errors; no link was checked", file=sys.stderr)
        return 1
    results = check_links(registry_urls(registry), args.workers, args.timeout)
    for result in results:
        status = result.status if result.status is not None else "---"
        print(f"{'ok ' if result.ok else 'BAD'} {status} {result.url} {result.error}".rstrip())
    return 0 if all(r.ok for r in results) else 1

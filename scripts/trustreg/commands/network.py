"""Options shared by the commands that fetch pages (cite, watch, check --quotes)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # httpx loads only when a command really fetches
    from ..fetch import Fetcher


def add_network_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per page (default 20)")
    parser.add_argument("--workers", type=int, default=8, help="pages fetched at once (default 8)")
    parser.add_argument("--delay", type=float, default=0.25,
                        help="seconds between requests to one host (default 0.25)")
    parser.add_argument("--max-mb", type=float, default=10.0,
                        help="largest page read, in MB after decompression (default 10)")
    parser.add_argument("--resolve", action="append", default=[], metavar="HOST=http://127.0.0.1:PORT",
                        help="fetch HOST from a loopback server instead (for tests; repeatable; "
                             "with any mapping, no other host is contacted)")


def fetcher(args: argparse.Namespace) -> Fetcher:
    """A Fetcher from the options; bad values are usage errors."""
    from ..cli import UsageError
    from ..fetch import Fetcher, Limits, ResolveError, parse_resolve
    from .links import MAX_TIMEOUT, MAX_WORKERS

    # chained comparisons also refuse nan and inf
    if not (0 < args.timeout <= MAX_TIMEOUT and 1 <= args.workers <= MAX_WORKERS
            and 0 <= args.delay <= MAX_TIMEOUT and 0 < args.max_mb <= 1000):
        raise UsageError(f"--timeout must be more than 0 and --delay 0 or more, both at most "
                         f"{MAX_TIMEOUT:g} seconds; --workers 1 to {MAX_WORKERS}; --max-mb more "
                         "than 0 and at most 1000")
    try:
        resolve = parse_resolve(args.resolve)
    except ResolveError as exc:
        raise UsageError(str(exc)) from None
    limits = Limits(timeout=args.timeout, max_bytes=int(args.max_mb * 2**20), workers=args.workers,
                    delay=args.delay)
    return Fetcher(limits, resolve)

"""Options shared by the commands that fetch pages (cite, watch, check --quotes, links)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # httpx loads only when a command really fetches
    from ..fetch import Fetcher


def add_network_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timeout", type=float, default=20.0,
                        help="deadline per page, in seconds: resolving, connecting, redirects, "
                             "headers and body, and again for reading a PDF's or a big page's text "
                             "(default 20)")
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

    if not (0 < args.timeout <= 600 and 1 <= args.workers <= 64 and 0 <= args.delay <= 60
            and 0 < args.max_mb <= 1024):  # also refuses nan and inf
        raise UsageError("give --timeout of more than 0 to 600 s, --workers of 1 to 64, "
                         "--delay of 0 to 60 s and --max-mb of more than 0 to 1024")
    try:
        resolve = parse_resolve(args.resolve)
    except ResolveError as exc:
        raise UsageError(str(exc)) from None
    limits = Limits(timeout=args.timeout, max_bytes=int(args.max_mb * 2**20), workers=args.workers,
                    delay=args.delay)
    return Fetcher(limits, resolve)

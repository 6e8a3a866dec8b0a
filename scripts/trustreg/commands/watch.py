"""Fetch every primary source (or those of the given offerings), check its quote and fingerprint
its text; report what needs a human: quote missing, changed since last reviewed, moved, gone,
unreachable. Uses the network (opt-in: `nox -s watch`, or the weekly workflow).

Exit status: 0 all fine (a first run with nothing recorded is not drift), 1 something needs a
human, 2 usage error.
"""

from __future__ import annotations

import argparse

from .network import add_network_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="*", metavar="ID", help="offering ids (default: all)")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                        help="report format (markdown: an issue body)")
    parser.add_argument("--record", action="store_true",
                        help="store the pages' fingerprints in watch/fingerprints.txt")
    add_network_arguments(parser)


def run(args: argparse.Namespace) -> int:
    import sys

    from ..api import RegistryError, load_registry
    from ..checker import today
    from ..findings import render
    from ..watch import RENDER, watch
    from .lookup import offering_or_usage_error
    from .network import fetcher

    try:  # a file left out would be a silent pass: watch a registry that checks clean
        registry = load_registry(args.root)
    except RegistryError as exc:
        sys.stderr.write(render(exc.findings, "text"))
        print("trustreg watch: the registry has errors; no page was fetched", file=sys.stderr)
        return 1
    for ident in args.ids:
        offering_or_usage_error(registry, ident)
    with fetcher(args) as client:
        report = watch(registry, client, today().isoformat(), args.ids or None, record=args.record)
    sys.stdout.write(RENDER[args.format](report))
    return 1 if report.needs_human else 0

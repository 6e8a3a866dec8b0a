"""Print an offering's page as plain text: watch-outs first, then every cell with its evidence."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="offering id, e.g. cohere-api")


def run(args: argparse.Namespace) -> int:
    import sys

    from ..textviews import offering_text
    from .lookup import offering_or_usage_error, registry_for

    registry = registry_for(args)
    sys.stdout.write(offering_text(offering_or_usage_error(registry, args.id), registry))
    return 0

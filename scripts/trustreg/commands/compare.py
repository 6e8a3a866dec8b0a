"""Compare two offerings side by side; rows whose grades differ are marked with *."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", help="first offering id")
    parser.add_argument("b", help="second offering id")


def run(args: argparse.Namespace) -> int:
    import sys

    from ..textviews import compare_text
    from .lookup import offering_or_usage_error, registry_for

    registry = registry_for(args)
    a, b = (offering_or_usage_error(registry, i) for i in (args.a, args.b))
    sys.stdout.write(compare_text(registry, a, b))
    return 0

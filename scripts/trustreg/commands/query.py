"""Filter offerings by conditions on their cells; all conditions must hold.

  DIM=GRADE[,GRADE]      the cell's grade is one of these (!= for none of these)
  DIM.FIELD=VALUE        tier, route, default, geography, confidence, verified or a fact
  DIM.FIELD~TEXT         the field contains TEXT (case-insensitive)
  DIM.FACT<=N, >=N       numeric facts, e.g. retention_zdr.retention_days<=30
  DIM.LIST=VALUE         a list fact has VALUE as one of its items (~: an item contains it;
                         !=: no item is VALUE), e.g. data_residency.regions=EU

Example, a self-serve HIPAA BAA and EU residency:
  trustreg query hipaa_baa=yes_public,yes_sales_gated hipaa_baa.tier=self_serve \\
                 data_residency=yes_public data_residency.regions=EU
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("conditions", nargs="*", help="conditions (none: list every offering)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from ..checker import today
    from ..cli import UsageError
    from ..publish.feed import offering_entry
    from ..publish.stamps import as_of
    from ..publish.views import parse_condition, query
    from ..textviews import query_line
    from .lookup import registry_for

    registry = registry_for(args)
    try:
        conditions = [parse_condition(c, registry) for c in args.conditions]
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    found = query(registry, conditions)
    if args.format == "json":
        stamps = as_of(registry, today().isoformat())
        sys.stdout.write(json.dumps([offering_entry(o, stamps) for o in found], indent=2,
                                    ensure_ascii=False) + "\n")
        return 0
    for offering in found:
        print(query_line(offering))
    print(f"{len(found)} of {len(registry.offerings)} offerings match", file=sys.stderr)
    return 0

"""Filter offerings by conditions on their cells; all conditions must hold.

  DIM=GRADE[,GRADE]      the cell's grade is one of these (!= for none of these)
  DIM.FIELD=VALUE        tier, route, default, geography, confidence, verified or a fact
  DIM.FIELD~TEXT         the field contains TEXT (case-insensitive)
  DIM.FACT<=N, >=N       numeric facts, e.g. retention_zdr.retention_days<=30
  DIM.LIST=VALUE         a list fact has VALUE as one of its items (~: an item contains it;
                         !=: no item is VALUE), e.g. data_residency.regions=EU

DIM=GRADE also matches a variant of the cell (a plan, endpoint, model or region graded apart)
when the headline grade does not: e.g. training_on_customer_data=documented_no finds a documented
no on a free plan. Such an offering is listed with "variant match: ..." (in JSON,
"variant_matches"). != and the DIM.FIELD conditions read the headline cell only.

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
    from ..publish.views import matches, parse_condition, variant_match_data, variant_match_text
    from ..textviews import query_line
    from .lookup import registry_for

    registry = registry_for(args)
    try:
        conditions = [parse_condition(c, registry) for c in args.conditions]
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    found = matches(registry, conditions)
    if args.format == "json":
        stamps = as_of(registry, today().isoformat())
        entries = [{**offering_entry(m.offering, stamps),
                    **({"variant_matches": [variant_match_data(d, v) for d, v in m.variants]}
                       if m.variants else {})} for m in found]
        sys.stdout.write(json.dumps(entries, indent=2, ensure_ascii=False) + "\n")
        return 0
    for match in found:
        print("\t".join([query_line(match.offering),
                         *(variant_match_text(registry, d, v) for d, v in match.variants)]))
    print(f"{len(found)} of {len(registry.offerings)} offerings match", file=sys.stderr)
    return 0

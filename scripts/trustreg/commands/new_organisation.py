"""Declare an organisation (a model developer or a serving platform) with its official domains.

A primary source counts only when its host is one of the graded party's domains (or a
subdomain), so declare every domain the organisation publishes its trust material on.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the organisation id, e.g. mistral (lower case, '-' between words)")
    parser.add_argument("--name", required=True, help="display name, e.g. 'Mistral AI'")
    parser.add_argument("--domain", action="append", required=True, metavar="DOMAIN", dest="domains",
                        help="an official domain, e.g. mistral.ai (repeat for each)")
    parser.add_argument("--trust-center", metavar="URL", help="the trust center's https:// address")


def run(args: argparse.Namespace) -> int:
    """Write organisations/ID.yaml; what `check` refuses in it (a javascript: trust center, a
    name with control characters) is refused here, nothing written."""
    from ..cli import UsageError
    from ..findings import FindingError
    from ..workspace import ORGANISATIONS_DIR, find_root
    from .new import checked_id, create

    checked_id(args.id)
    for domain in args.domains:
        if "/" in domain or ":" in domain or not domain.strip():
            raise UsageError(f"--domain {domain!r}: give a bare domain name such as example.com, not a URL")
    root = find_root(args.root)
    data = {"id": args.id, "name": args.name, "kind": "company",
            "domains": [d.strip().lower().rstrip(".") for d in args.domains]}
    if args.trust_center is not None:
        data["trust_center"] = args.trust_center
    try:
        written = create(root, ORGANISATIONS_DIR, args.id, data, "organisation")
    except FindingError as exc:  # what the user gave: a usage error, the rule's words say which
        raise UsageError(exc.finding.text()) from None
    print(f"wrote {written}")
    return 0

"""Scaffold offerings/ID.yaml: every cell present, every human-only field left empty.

`trustreg check` then fails exactly where a person must fill in facts (name, summary,
caveats, evidence, sources), and nowhere else.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the offering id, e.g. mistral-api (lower case, '-' between words)")
    parser.add_argument("--name", default="", help="display name, e.g. 'Mistral API'")
    parser.add_argument("--developer", default="", help="organisation id of the model developer")
    parser.add_argument("--platform", default="", help="organisation id of the serving platform")
    parser.add_argument("--category", choices=("first_party", "cloud_distribution"),
                        default="first_party")


def scaffold(args: argparse.Namespace, dimensions: list[str], today: str,
             form: int) -> dict[str, Any]:
    """The data of a new offering: structure complete, facts left for a human."""
    cell = {"status": "no_public_evidence", "caveat": "", "confidence": "low",
            "verified": today, "evidence": "", "sources": []}
    return {
        "id": args.id, "format": form, "name": args.name, "developer": args.developer,
        "platform": args.platform, "category": args.category, "model_family": "",
        "summary": "", "cells": {dim: dict(cell) for dim in dimensions},
    }


def run(args: argparse.Namespace) -> int:
    from .. import atomic
    from ..checker import today
    from ..cli import UsageError
    from ..fmt import canonical_text
    from ..vocabulary import load_vocabulary
    from ..workspace import OFFERINGS_DIR, ORGANISATIONS_DIR, find_root, organisation_files

    if not ID.match(args.id) or len(args.id) > 64:
        raise UsageError(f"id {args.id!r} must be lower-case letters and digits joined by '-'")
    root = find_root(args.root)
    target = root / OFFERINGS_DIR / f"{args.id}.yaml"
    if target.exists():
        raise UsageError(f"{OFFERINGS_DIR}/{args.id}.yaml already exists")
    known = sorted(f.stem for f in organisation_files(root))
    for role in ("developer", "platform"):
        given = getattr(args, role)
        if given and given not in known:
            raise UsageError(f"--{role} {given!r} is not declared in {ORGANISATIONS_DIR}/ "
                             f"(known: {', '.join(known)}); add {ORGANISATIONS_DIR}/<id>.yaml first")
    vocab = load_vocabulary(root)
    data = scaffold(args, list(vocab.dimensions), today().isoformat(), vocab.format)
    atomic.write_text(target, canonical_text(data, "offering", vocab) or "")
    print(f"wrote {OFFERINGS_DIR}/{args.id}.yaml: fill in what `trustreg check` points at")
    return 0

"""Scaffold offerings/ID.yaml: every cell present, every field a person must decide left empty.

The scaffold asserts nothing: no grade, confidence or date is filled in for a person, so
`trustreg check` fails on an untouched scaffold, naming each field to fill in.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from ..migration import CURRENT_FORMAT as FORMAT

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CATEGORIES = ("first_party", "cloud_distribution")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the offering id, e.g. mistral-api (lower case, '-' between words)")
    parser.add_argument("--name", default="", help="display name, e.g. 'Mistral API'")
    parser.add_argument("--developer", default="", help="organisation id of the model developer")
    parser.add_argument("--platform", default="", help="organisation id of the serving platform")
    parser.add_argument("--category", choices=CATEGORIES,
                        help="default: first_party when developer and platform are the same "
                             "organisation, cloud_distribution when they differ")


def checked_id(ident: str) -> str:
    """The id, if it is a plain lower-case id; a usage error otherwise."""
    from ..cli import UsageError

    if not ID.fullmatch(ident) or len(ident) > 64:
        raise UsageError(f"id {ident!r} must be lower-case letters and digits joined by '-' "
                         "(at most 64 characters)")
    return ident


def create(root: Path, folder: str, ident: str, data: dict[str, Any], kind: str,
           baseline: dict[str, Any] | None = None) -> str:
    """Write folder/ID.yaml in canonical form, refusing to replace an existing file, and refusing
    (FindingError) an error of `check`'s rules that the baseline data (the same file with
    nothing the user gave in it; None: no file, so every error counts) does not have."""
    from .. import atomic
    from ..cli import UsageError
    from ..fmt import canonical_text
    from ..vocabulary_file import load_vocabulary
    from ..writecheck import refuse_new_errors

    rel = f"{folder}/{ident}.yaml"
    vocab = load_vocabulary(root)
    text = canonical_text(data, kind, vocab) or ""
    before = None if baseline is None else canonical_text(baseline, kind, vocab) or ""
    with atomic.locked(root):
        if (root / rel).exists() or (root / folder / f"{ident}.yml").exists():
            raise UsageError(f"{rel} already exists")
        refuse_new_errors(root, rel, kind, text, before)
        atomic.write_text(root / rel, text, root=root)
    return rel


def scaffold(args: argparse.Namespace, dimensions: list[str]) -> dict[str, Any]:
    """The data of a new offering: structure complete, every judgement left to a person."""
    category = args.category or ("" if not (args.developer and args.platform) else
                                 CATEGORIES[args.developer != args.platform])
    # no optional field (caveat, route, facts): check asks for them once the grade needs them
    cell = {"status": "", "confidence": "", "verified": "", "evidence": "", "sources": []}
    return {
        "id": args.id, "format": FORMAT, "name": args.name, "developer": args.developer,
        "platform": args.platform, "category": category, "model_family": "",
        "summary": "", "cells": {dim: dict(cell) for dim in dimensions},
    }


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..vocabulary_file import load_vocabulary
    from ..workspace import OFFERINGS_DIR, ORGANISATIONS_DIR, find_root, organisation_files

    checked_id(args.id)
    root = find_root(args.root)
    known = sorted(f.stem for f in organisation_files(root))
    for role in ("developer", "platform"):
        given = getattr(args, role)
        if given and given not in known:
            raise UsageError(f"--{role} {given!r} is not declared in {ORGANISATIONS_DIR}/ "
                             f"(known: {', '.join(known)}); declare it first with "
                             f"`trustreg new-organisation {given} --name NAME --domain DOMAIN`")
    data = scaffold(args, list(load_vocabulary(root).dimensions))
    rel = create(root, OFFERINGS_DIR, args.id, data, "offering", baseline={**data, "name": ""})
    print(f"wrote {rel}: `trustreg check {rel}` lists every field a person must fill in")
    return 0

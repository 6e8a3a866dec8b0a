"""Regenerate schema/offering.schema.json from schema/vocabulary.yaml (rule TR114 checks it)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options."""


def run(args: argparse.Namespace) -> int:
    from .. import atomic
    from ..schemas import OFFERING_SCHEMA, SCHEMA_DIR, generated_schema_text
    from ..vocabulary import load_vocabulary
    from ..workspace import find_root

    root = find_root(args.root)
    target = root / SCHEMA_DIR / OFFERING_SCHEMA
    text = generated_schema_text(load_vocabulary(root))
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return 0
    atomic.write_text(target, text)
    print(f"wrote {SCHEMA_DIR}/{OFFERING_SCHEMA}")
    return 0

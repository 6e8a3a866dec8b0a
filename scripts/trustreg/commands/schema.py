"""Regenerate the schemas made from schema/vocabulary.yaml (rule TR114 checks they are current):
schema/offering.schema.json, schema/excerpt.schema.json and the published data schemas (data.json
and api/v1/)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options."""


def run(args: argparse.Namespace) -> int:
    from .. import atomic
    from ..jsonschemas.generated import generated_texts
    from ..vocabulary_file import load_vocabulary
    from ..workspace import find_root

    root = find_root(args.root)
    for rel, text in generated_texts(load_vocabulary(root)).items():
        target = root / rel
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        atomic.write_text(target, text, root=root)
        print(f"wrote {rel}")
    return 0

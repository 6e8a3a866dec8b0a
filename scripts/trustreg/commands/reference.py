"""Write docs/FORMAT.md, the file-format reference, from the schemas and the vocabulary."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when docs/FORMAT.md is out of date")


def run(args: argparse.Namespace) -> int:
    from .. import atomic
    from ..evidence_doc import evidence_reference
    from ..publish.reference import reference_text
    from ..vocabulary_file import load_vocabulary
    from ..workspace import find_root

    root = find_root(args.root)
    target = root / "docs" / "FORMAT.md"
    text = reference_text(root, load_vocabulary(root)).rstrip("\n") + "\n\n" + \
        "\n".join(evidence_reference())
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return 0
    if args.check:
        print("docs/FORMAT.md is out of date: run `trustreg reference`")
        return 1
    atomic.write_text(target, text, root=root)
    print("wrote docs/FORMAT.md")
    return 0

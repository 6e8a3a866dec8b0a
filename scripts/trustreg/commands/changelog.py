"""Write CHANGELOG.md from git history (releases are tags named by date, e.g. 2026.07.05).

With --check, write nothing and exit 1 when the released sections are out of date. A shallow
clone is refused (exit 2): its history would drop the released sections.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when CHANGELOG.md's released sections are out of date")
    parser.add_argument("--release", metavar="YYYY.MM.DD",
                        help="name the unreleased commits as this release (used by `nox -s release`)")
    parser.add_argument("--output", default="CHANGELOG.md", help="file to write (default: CHANGELOG.md)")


def run(args: argparse.Namespace) -> int:
    from .. import atomic, gitdata
    from ..changelog import changelog_text, is_tag, released_part
    from ..cli import UsageError
    from ..vocabulary_file import load_vocabulary
    from ..workspace import find_root

    if args.release is not None and not is_tag(args.release):
        raise UsageError(f"--release {args.release!r} is not a date tag like 2026.12.01 (YYYY.MM.DD)")
    root = find_root(args.root)
    try:
        if gitdata.is_shallow(root):
            raise UsageError("the git history is shallow (a shallow clone): the changelog needs all "
                             "of it; run `git fetch --unshallow --tags` first")
        text = changelog_text(root, load_vocabulary(root), release=args.release)
    except gitdata.GitError as exc:
        raise UsageError(f"cannot read git history: {exc}") from None
    target = root / args.output
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if args.check:
        if released_part(current) != released_part(text):
            print(f"{args.output} is out of date for released sections: run `trustreg changelog`")
            return 1
        return 0
    if current != text:
        atomic.write_text(target, text)
        print(f"wrote {args.output}")
    return 0

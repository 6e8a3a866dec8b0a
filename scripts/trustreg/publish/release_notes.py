"""The CHANGELOG.md section of one release, as the notes of its GitHub Release.

Usage (the release workflow): python -m trustreg.publish.release_notes 2026.12.01 [CHANGELOG.md]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def release_notes(changelog: str, tag: str) -> str:
    """The body of the `## [tag]` section; ValueError when there is none or it is empty."""
    match = re.search(rf"^## \[{re.escape(tag)}\][^\n]*\n(.*?)(?=^## |\Z)", changelog, re.M | re.S)
    if not match or not match.group(1).strip():
        raise ValueError(f"CHANGELOG.md has no section for release {tag}; "
                         f"run `nox -s release -- {tag}` to write and tag it")
    return match.group(1).strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python -m trustreg.publish.release_notes TAG [CHANGELOG.md]", file=sys.stderr)
        return 2
    path = Path(args[1] if len(args) == 2 else "CHANGELOG.md")
    try:
        sys.stdout.write(release_notes(path.read_text(encoding="utf-8"), args[0]))
    except (OSError, ValueError) as exc:
        print(f"release notes: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Tool-made edits pass the tool's own check: a writer runs `check`'s rules for the file on the
text it is about to write, and refuses (writing nothing) when that text has an error the
file did not have before. A scaffold's blanks, or an error the file already had, never block
an edit; what the edit brings in always does."""

from __future__ import annotations

from collections import Counter
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

from . import loader
from .checker import Checker
from .findings import Finding, FindingError
from .rules import RULES

CANONICAL = "TR112"  # not in canonical form: what fix is for, so no sign the file was unclean


def refuse_new_errors(root: Path, name: str, kind: str, text: str, before: str | None,
                      checker: Checker | None = None) -> None:
    """Raise FindingError for the first error of text (checked as the file name of this kind)
    that before (the file as it was, or None) did not have."""
    checker = checker or Checker(root)
    old = Counter(_key(f) for f in _errors(checker, before, name, kind)) if before is not None else Counter()
    for finding in _errors(checker, text, name, kind):
        if old[_key(finding)]:
            old[_key(finding)] -= 1
            continue
        raise FindingError(replace(finding, hint=f"{finding.hint}; nothing was written"
                                   if finding.hint else "nothing was written"))


def refuse_breaking(root: Path, name: str, kind: str, text: str, before: str,
                    checker: Checker | None = None) -> None:
    """Raise FindingError when a file that passed check (canonical form aside) would not pass it
    as text. For `fix`: a file failing its schema hides what its rules would say, so its errors
    before and after do not compare (a format 1 file, migrated, shows what a person must settle)."""
    checker = checker or Checker(root)
    if all(f.code == CANONICAL for f in _errors(checker, before, name, kind)):
        refuse_new_errors(root, name, kind, text, before, checker)


def _errors(checker: Checker, text: str, name: str, kind: str) -> list[Finding]:
    """check's errors for the text: as read from a file (TR001), its schema and its rules; a text
    failing its schema (a scaffold's blanks) is still checked to be plain text (TR115)."""
    try:
        loader.decode(text.encode("utf-8", "surrogatepass"), name)
    except FindingError as exc:
        return [exc.finding]
    doc, found = checker.text_findings(text, name, kind)
    if doc is None:  # failed to load, or its schema: the rules did not run
        with suppress(FindingError):  # when it does not load, found says why
            found = [*found, *RULES["TR115"].run(loader.loads(text, name), checker.ctx)]
    return [f for f in dict.fromkeys(found) if f.severity == "error"]


def _key(finding: Finding) -> tuple[str, str]:
    """A finding's identity across versions of a file: its rule and message (lines move)."""
    return finding.code, finding.message

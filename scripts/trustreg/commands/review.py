"""Append a review to a cell: who answered which alert, the decision and a note.

    trustreg review cohere-api iso_27001 --dismiss "Certificate page moved; same text." \\
        --alert "watch 2026-07-05: changed since last reviewed" --by "Ana Pérez"

--reverify also sets the cell's `verified` date to today. On a draft (graded from copies) it
says a person verified the cell against the live pages today: `draft` gives way to
`verified: today`, and each primary source's `copy` to `retrieved: today`. That needs each
quoted primary source's page read live first (`trustreg cite` writes its excerpt), with the
quote found in it; otherwise nothing is written. Exit status: 0 written, 1 the file could not
be changed (the message says why), 2 usage error.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the example's lines
    parser.add_argument("offering", help="offering id, e.g. cohere-api")
    parser.add_argument("dimension", help="dimension id, e.g. soc2_type2")
    decision = parser.add_mutually_exclusive_group(required=True)
    for flag, help_text in (("dismiss", "the alert does not change the cell"),
                            ("confirm", "the alert is right; the cell is being corrected"),
                            ("reverify", "checked against the sources again: the cell holds "
                                         "(sets verified to today)")):
        decision.add_argument(f"--{flag}", metavar="NOTE", help=help_text)
    parser.add_argument("--by", metavar="NAME",
                        help="who reviewed (default: git config user.name)")
    parser.add_argument("--alert", metavar="TEXT", help="the alert or question answered")
    parser.add_argument("--reviewer", choices=("human", "monitor"), default="human",
                        help="a person (default) or an automated monitor")


def _git_user(root: str) -> str | None:
    import subprocess

    try:
        out = subprocess.run(["git", "-C", root, "config", "user.name"], capture_output=True,
                             text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _line(value: str, name: str, limit: int) -> str:
    from ..cli import UsageError

    value = value.strip()
    if not value or "\n" in value or len(value) > limit:
        raise UsageError(f"{name} must be one non-empty line of at most {limit} characters")
    return value


def run(args: argparse.Namespace) -> int:
    import sys

    from ..checker import today
    from ..cli import UsageError
    from ..edit import EditError, edit_cell
    from ..verify_live import CannotVerify, verify_live
    from ..workspace import find_root

    root = find_root(args.root)
    decision, note = next((d, getattr(args, d)) for d in ("dismiss", "confirm", "reverify")
                          if getattr(args, d) is not None)
    note = note.strip()
    if not note or len(note) > 2000:
        raise UsageError("the note must be 1 to 2000 characters")
    by = _line(args.by or _git_user(str(root)) or "", "--by (or git config user.name)", 120)
    date = today().isoformat()
    review = {"date": date, "by": by, "reviewer": args.reviewer,
              **({"alert": _line(args.alert, "--alert", 200)} if args.alert is not None else {}),
              "decision": {"dismiss": "dismissed", "confirm": "confirmed",
                           "reverify": "reverified"}[decision], "note": note}

    live: list[bool] = []

    def change(cell: dict) -> None:
        reviews = cell.get("reviews")
        cell["reviews"] = [*(reviews if isinstance(reviews, list) else []), review]
        if decision == "reverify" and "draft" in cell:
            if args.reviewer != "human":
                raise CannotVerify("only a person verifies a draft against the live pages")
            verify_live(root, cell, date)
            live.append(True)
        elif decision == "reverify":
            cell["verified"] = date

    try:
        name = edit_cell(root, args.offering, args.dimension, change)
    except EditError as exc:
        raise UsageError(str(exc)) from None
    except CannotVerify as exc:
        print(f"trustreg review: cannot verify {args.offering} {args.dimension} live: {exc}; "
              "nothing written", file=sys.stderr)
        return 1
    done = "draft verified live: " if live else ""
    print(f"{name}: {args.dimension}: {done}review added ({review['decision']}, {date}, {by})")
    return 0

"""The `trustreg` command line: one subcommand per module under trustreg.commands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .findings import FindingError
from .workspace import NotARegistry, quoted

# subcommand -> (module under trustreg.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "validate data files: schemas and lint rules"),
    "fix": ("fix", "rewrite data files into canonical form"),
    "new": ("new", "scaffold a new offering file"),
    "new-organisation": ("new_organisation", "declare a developer or platform with its domains"),
    "schema": ("schema", "regenerate schema/offering.schema.json from the vocabulary"),
    "show": ("show", "print an offering page as text"),
    "compare": ("compare", "compare two offerings side by side"),
    "query": ("query", "filter offerings by grades and facts"),
    "stale": ("stale", "list cells not verified for a number of days"),
    "build": ("build", "check, then build data.json, CSV, datapackage and the site into dist/"),
    "diff": ("diff", "semantic diff of the registry between two git revisions"),
    "changelog": ("changelog", "write CHANGELOG.md from git history"),
    "reference": ("reference", "write docs/FORMAT.md, the file-format reference"),
    "links": ("links", "check that every source URL still answers (network)"),
    "cite": ("cite", "fetch a page, check its quote and add it as a cell's source (network)"),
    "watch": ("watch", "check primary sources for missing quotes, changes, moves (network)"),
    "review": ("review", "append a review (dismiss, confirm, reverify) to a cell"),
}


class UsageError(Exception):
    """A command was called wrongly; exit status 2."""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="trustreg", description=__doc__)
    top.add_argument("--version", action="version", version=f"trustreg {__version__}")
    top.add_argument("--root", default=".", help="registry checkout (default: found from here)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        command = importlib.import_module(f"trustreg.commands.{module}")
        sub_parser = sub.add_parser(name, help=help_text, description=command.__doc__)
        command.add_arguments(sub_parser)
        sub_parser.set_defaults(run=command.run)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except FindingError as exc:
        print(exc.finding.text(), file=sys.stderr)
        return 1
    except (UsageError, NotARegistry) as exc:
        print(f"trustreg {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `trustreg show x | head`
        return 0
    except OSError as exc:  # a path the system refuses: too long, not permitted, ...
        where = f"{quoted(str(exc.filename))}: " if exc.filename is not None else ""
        print(f"trustreg {args.command}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

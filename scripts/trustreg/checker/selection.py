"""What a run checks: its date, the rules chosen, and the paths whose findings are reported."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from ..rules import RULES, Rule
from ..workspace import display

TODAY_ENV = "TRUSTREG_TODAY"


def within(root: Path, paths: list[Path]) -> Callable[[str], bool]:
    """Whether a path as findings show it is one of paths, or inside one of those folders."""
    wanted = {display(root, p) for p in paths}
    folders = tuple(f"{display(root, p)}/" for p in paths if p.is_dir())
    return lambda shown: shown in wanted or shown.startswith(folders)


def today() -> date:
    """Today's date, or the one TRUSTREG_TODAY names (for reproducible runs)."""
    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return date.today()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fixed):
            return date.fromisoformat(fixed)
    except ValueError:
        pass
    from ..cli import UsageError
    from ..workspace import quoted

    raise UsageError(f"{TODAY_ENV} must be a date as YYYY-MM-DD, not {quoted(fixed)}")


def selected(codes: Iterable[str] | None, ignore: Iterable[str] | None) -> set[str]:
    """Rule codes chosen by --select and --ignore (prefixes, as in ruff: TR1 means TR1xx)."""
    chosen = {c for c in RULES if not codes or any(c.startswith(p) for p in codes)}
    return {c for c in chosen if not any(c.startswith(p) for p in ignore or ())}


def rules_for(codes: set[str], kind: str, scopes: tuple[str, ...]) -> list[Rule]:
    """The selected rules of these scopes that apply to a file kind."""
    return [r for r in RULES.values()
            if r.code in codes and r.scope in scopes and kind in r.kinds]

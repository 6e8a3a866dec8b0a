"""Shared by the buyer views: load the registry and find offerings by id."""

from __future__ import annotations

import argparse
import difflib

from ..model import Offering, Registry


def registry_for(args: argparse.Namespace) -> Registry:
    """The registry at --root; files with errors are left out (run `trustreg check` for them)."""
    from ..api import load_registry

    return load_registry(args.root, strict=False)


def offering_or_usage_error(registry: Registry, ident: str) -> Offering:
    from ..cli import UsageError
    from ..workspace import quoted

    if ident in registry.offerings:
        return registry.offerings[ident]
    close = difflib.get_close_matches(ident, list(registry.offerings), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; list them with `trustreg query`"
    raise UsageError(f"no offering {quoted(ident)}{hint}")

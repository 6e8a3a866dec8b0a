"""Load a registry checkout into typed objects (see trustreg.model).

    >>> from trustreg.api import load_registry
    >>> registry = load_registry("path/to/clone")
    >>> registry.offerings["cohere-api"].cells["hipaa_baa"].status
    'no_public_evidence'

Without a checkout, `load_feed("data.json")` reads a built data.json into the same objects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from . import vocabulary
from .findings import Finding
from .model import Registry, meta_from_data, offering_from_data, organisation_from_data
from .workspace import find_root

FEED_VERSIONS = (2,)


class RegistryError(Exception):
    """The checkout has findings (errors) that keep it from loading; `findings` lists them."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("\n".join(f.text() for f in findings))
        self.findings = findings


def load_registry(root: Path | str = ".", *, strict: bool = True) -> Registry:
    """Load every file of a checkout; with strict, any error finding raises RegistryError.

    With strict=False, lint findings are ignored: only files that do not load or fail their
    schema are left out (and offerings naming an undeclared organisation).
    """
    from .checker import Checker  # the checker builds on the same loader and schemas

    checker = Checker(find_root(root))
    result = checker.run()
    if strict and result.errors:
        raise RegistryError(result.errors)
    ctx = checker.ctx
    organisations = dict(sorted(ctx.organisations.items()))
    offerings = {}
    for doc in result.valid("offering"):
        data = doc.data
        if data["developer"] in organisations and data["platform"] in organisations:
            offerings[data["id"]] = offering_from_data(data, ctx.vocab, organisations)
    return Registry(root=checker.root, meta=meta_from_data(ctx.meta), vocabulary=ctx.vocab,
                    organisations=organisations, offerings=dict(sorted(offerings.items())))


class FeedError(ValueError):
    """The file is not a data.json this version of trustreg can read; the message says why."""


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _file_shape(entry: dict[str, Any]) -> dict[str, Any]:
    """An offering of data.json in the shape of its offerings/<id>.yaml."""
    cells = {}
    for dim, cell in entry["dimensions"].items():
        cells[dim] = _plain({
            "status": cell["value"], "caveat": cell.get("caveat"), "confidence": cell["confidence"],
            "verified": cell.get("verified"), "draft": cell.get("draft"),  # a draft has no verified
            "tier": cell.get("tier"), "route": cell.get("route"),
            "route_via": cell.get("route_via"), "default": cell.get("default"),
            "geography": cell.get("geography"), "facts": cell.get("facts") or None,
            "evidence": cell.get("evidence", ""),
            "sources": [_plain(s) for s in cell.get("sources") or ()],
            "reviews": [_plain(r) for r in cell.get("reviews") or ()] or None,
            "variants": [_plain({"scope": v["scope"], "applies_to": v["applies_to"], "status": v["value"],
                                 "caveat": v.get("caveat"), "evidence": v.get("evidence"),
                                 "sources": [_plain(s) for s in v.get("sources") or ()]})
                         for v in cell.get("variants") or ()] or None})
    return {"id": entry["id"], "name": entry["name"], "developer": entry["developer_id"],
            "platform": entry["platform_id"], "category": entry["category"],
            "model_family": entry["model_family"], "summary": entry["summary"],
            "hosting": entry.get("hosting") or {}, "aliases": entry.get("aliases") or (),
            "service_name": entry.get("service_name"), "cells": cells}


def load_feed(source: Path | str | IO[str] | IO[bytes]) -> Registry:
    """Read a built data.json (a path or an open file) into the objects load_registry returns.

    Raises FeedError when it is not JSON, has a schema_version this version does not know, or
    lacks what the objects need (data.json from before these fields were published).
    """
    try:
        if isinstance(source, (str, Path)):
            root = Path(source).parent
            feed = json.loads(Path(source).read_bytes())
        else:
            root = Path(".")
            feed = json.loads(source.read())
    except (OSError, ValueError) as exc:
        raise FeedError(f"cannot read the feed: {exc}") from None
    if not isinstance(feed, dict) or feed.get("schema_version") not in FEED_VERSIONS:
        version = feed.get("schema_version") if isinstance(feed, dict) else None
        raise FeedError(f"schema_version {version!r} is not one this trustreg reads "
                        f"({', '.join(map(str, FEED_VERSIONS))})")
    try:
        vocab = vocabulary.from_data(feed["vocabulary"])
        organisations = {k: organisation_from_data({"id": k, **v})
                         for k, v in sorted(feed["organisations"].items())}
        offerings = {o["id"]: offering_from_data(_file_shape(o), vocab, organisations)
                     for o in feed["offerings"]}
        meta = meta_from_data({"name": feed["name"], "license": feed["license"],
                               "license_url": feed["license_url"],
                               "disclaimer": feed["disclaimer"], "corrections": feed["corrections"],
                               "stale_after_days": feed["stale_after_days"]})
    except (KeyError, TypeError, AttributeError) as exc:
        raise FeedError(f"the feed lacks what the registry objects need ({exc!s}); "
                        "rebuild it with this trustreg") from None
    return Registry(root=root, meta=meta, vocabulary=vocab, organisations=organisations,
                    offerings=dict(sorted(offerings.items())))

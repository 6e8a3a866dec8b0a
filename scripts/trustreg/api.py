"""Load a registry checkout into typed objects (see trustreg.model).

    >>> from trustreg.api import load_registry
    >>> registry = load_registry("path/to/clone")
    >>> registry.offerings["cohere-api"].cells["hipaa_baa"].status
    'no_public_evidence'
"""

from __future__ import annotations

from pathlib import Path

from .findings import Finding
from .model import (
    Registry,
    meta_from_data,
    offering_from_data,
    organisation_from_data,
)
from .workspace import find_root


class RegistryError(Exception):
    """The checkout has findings (errors) that keep it from loading; `findings` lists them."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("\n".join(f.text() for f in findings))
        self.findings = findings


def load_registry(root: Path | str = ".", *, strict: bool = True) -> Registry:
    """Load every file of a checkout; with strict, any error finding raises RegistryError.

    With strict=False, files with errors are left out and the rest is loaded.
    """
    from .checker import Checker  # the checker builds on the same loader and schemas

    checker = Checker(find_root(root))
    result = checker.run()
    errors = [f for f in result.findings if f.severity == "error"]
    if strict and errors:
        raise RegistryError(errors)
    ctx = checker.ctx
    organisations = {d.data["id"]: organisation_from_data(d.data) for d in result.valid("organisation")}
    offerings = {}
    for doc in result.valid("offering"):
        data = doc.data
        if data["developer"] in organisations and data["platform"] in organisations:
            offerings[data["id"]] = offering_from_data(data, ctx.vocab, organisations)
    return Registry(
        root=checker.root,
        meta=meta_from_data(ctx.meta),
        vocabulary=ctx.vocab,
        organisations=dict(sorted(organisations.items())),
        offerings=dict(sorted(offerings.items())),
    )

"""Load a registry checkout into typed objects (see trustreg.model).

    >>> from trustreg.api import load_registry
    >>> registry = load_registry("path/to/clone")
    >>> registry.offerings["cohere-api"].cells["hipaa_baa"].status
    'no_public_evidence'
"""

from __future__ import annotations

from pathlib import Path

from .findings import Finding
from .model import Registry, meta_from_data, offering_from_data
from .workspace import find_root


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

"""A synthetic registry for the tests of the published outputs: two made-up offerings of made-up
organisations on reserved example domains, one verified live and one with draft cells read in copies.

Nothing here is about a real company; the schema/ folder (the vocabulary) is the checkout's own.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

from trustreg.fmt import canonical_offering, dump
from trustreg.vocabulary_file import load_vocabulary

REPO = Path(__file__).resolve().parent.parent
DIMENSIONS = ("soc2_type2", "iso_27001", "iso_42001", "trust_center", "hipaa_baa", "gdpr_dpa",
              "training_on_customer_data", "retention_zdr", "data_residency", "gpai_cop", "art53_summary")
BASE_URL = "https://registry.example.org/trust"  # synthetic: tests set it, the repository does not
TAG_ENTITY = "registry.example.org,2026"
COPY = {"held_by": "Synthetic Archive (test copies)", "url": "https://archive.example.net/copy/1",
        "captured": "2026-09-14"}
DRAFT = {"by": "Synthetic maintainers (graded from stored copies)", "date": "2026-10-01"}

REGISTRY_YAML = """name: Synthetic Trust Registry
license: CC-BY-4.0
license_url: https://creativecommons.org/licenses/by/4.0/
disclaimer: Synthetic test data, not a legal determination.
corrections: Synthetic corrections line.
stale_after_days: 180
"""
ORGANISATIONS = {
    "acme": "id: acme\nname: Acme Models\nkind: company\ndomains:\n- acme.example\n",
    "bolt": "id: bolt\nname: Bolt Cloud\nkind: company\ndomains:\n- bolt.example\n",
    # the vocabulary names this authority as the independent party of the two EU AI Act cells
    "european-commission": "id: european-commission\nname: European Commission\nkind: authority\n"
                           "domains:\n- ec.europa.eu\n",
}


def _source(host: str, page: str, **how: Any) -> dict[str, Any]:
    return {"url": f"https://{host}/{page}", "title": f"Synthetic page {page}",
            "kind": "documentation", "role": "primary", **how}


def _cell(host: str, dim: str, *, draft: bool) -> dict[str, Any]:
    read = {"copy": dict(COPY)} if draft else {"retrieved": "2026-10-01"}
    when = {"draft": dict(DRAFT)} if draft else {"verified": "2026-10-01"}
    return {"status": "no_public_evidence", "caveat": f"No synthetic page states {dim}.",
            "confidence": "low", **when, "evidence": f"Synthetic evidence for {dim}.",
            "sources": [_source(host, f"{dim.replace('_', '-')}", **read)]}


def offering(ident: str, developer: str, host: str, drafts: tuple[str, ...] = ()) -> dict[str, Any]:
    """A synthetic offering whose cells are all no_public_evidence; `drafts` are draft cells."""
    return {"id": ident, "format": 2, "name": ident.replace("-", " ").title(), "developer": developer,
            "platform": developer, "category": "first_party", "model_family": "Synthetic",
            "summary": f"Synthetic offering {ident} for tests.", "hosting": {"cloud": "Synthetic"},
            "cells": {dim: _cell(host, dim, draft=dim in drafts) for dim in DIMENSIONS}}


ACME = offering("acme-api", "acme", "acme.example")
BOLT = offering("bolt-api", "bolt", "bolt.example", drafts=("soc2_type2", "hipaa_baa"))


def write_offering(root: Path, data: dict[str, Any]) -> None:
    """Write an offering in canonical form (the key order `trustreg fix` writes)."""
    text = dump(canonical_offering(data, load_vocabulary(root)))
    (root / "offerings" / f"{data['id']}.yaml").write_text(text, encoding="utf-8")


def make_registry(root: Path, *, offerings: tuple[dict[str, Any], ...] = (ACME, BOLT),
                  extra_meta: str = "") -> Path:
    """Write the synthetic registry under root (created) and return root."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "registry.yaml").write_text(REGISTRY_YAML + extra_meta, encoding="utf-8")
    shutil.copytree(REPO / "schema", root / "schema")
    (root / "organisations").mkdir()
    for ident, text in ORGANISATIONS.items():
        (root / "organisations" / f"{ident}.yaml").write_text(text, encoding="utf-8")
    (root / "offerings").mkdir()
    for data in offerings:
        write_offering(root, copy.deepcopy(data))
    return root


def verified_live(data: dict[str, Any], dim: str, day: str = "2026-11-20") -> dict[str, Any]:
    """The offering with one draft cell turned into a cell verified live (as review --reverify does)."""
    out = copy.deepcopy(data)
    cell = out["cells"][dim]
    cell.pop("draft")
    cell["verified"] = day
    for source in cell["sources"]:
        source.pop("copy", None)
        source["retrieved"] = day
    return out

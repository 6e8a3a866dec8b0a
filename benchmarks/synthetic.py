"""Synthetic registries for benchmarks: N realistic, clearly fake offerings in a temp folder.

Offerings are built from the Cohere entry's shape (11 cells, 6-9 KB) with seeded random
grades, texts and sources; organisations are `synthetic-org-K` on example.com subdomains.
Files are in the current format (v2): sources have kinds, routes agree with grades, and some
cells carry list facts and variants. Every generated tree passes `trustreg check`, so
benchmarks time the normal path.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

from trustreg import loader
from trustreg.fmt import canonical_text, dump
from trustreg.vocabulary_file import load_vocabulary

REPO = Path(__file__).resolve().parent.parent
GRADES = ["yes_public", "yes_sales_gated", "yes_platform_only", "partial", "unclear",
          "no_public_evidence", "documented_no"]
FORBIDDEN_ROUTES = {"yes_public": ("nda", "sales_contract", "approval"), "yes_sales_gated": ("public",)}
REGIONS = ["EU", "US", "UK", "Asia-Pacific", "Canada"]
WORDS = (
    "trust", "center", "documentation", "states", "the", "platform", "retains", "logged",
    "prompts", "for", "a", "limited", "period", "subject", "to", "legal", "holds", "and", "abuse",
    "monitoring", "while", "enterprise", "customers", "may", "request", "additional",
    "contractual", "commitments", "covering", "regional", "processing", "audit", "reports",
    "certificates", "subprocessors", "transfer", "impact", "assessment", "data", "protection",
    "addendum",
)


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def organisations(count: int) -> list[dict[str, Any]]:
    return [{"id": f"synthetic-org-{k:03d}", "name": f"Synthetic Org {k:03d}", "kind": "company",
             "domains": [f"org{k:03d}.example.com"],
             "trust_center": f"https://trust.org{k:03d}.example.com"} for k in range(count)]


def source(party: int, dim: str, index: int, retrieved: str, rng: random.Random,
           quoted: bool) -> dict[str, Any]:
    """A primary documentation page of the graded party."""
    found = {"url": f"https://docs.org{party:03d}.example.com/{dim}/{index}",
             "title": f"Synthetic source for {dim}", "kind": "documentation", "role": "primary",
             "retrieved": retrieved}
    return {**found, "quote": sentence(rng, 10)} if quoted else found


def offering(index: int, orgs: int, template: dict[str, Any], rng: random.Random,
             one_platform: bool = False) -> dict[str, Any]:
    developer = index % orgs
    platform = 0 if one_platform else (index * 7 + 3) % orgs if index % 3 else developer
    data = {k: v for k, v in template.items() if k != "cells"}
    data.update(id=f"synthetic-{index:05d}", name=f"Synthetic Offering {index:05d}",
                developer=f"synthetic-org-{developer:03d}", platform=f"synthetic-org-{platform:03d}",
                category="first_party" if developer == platform else "cloud_distribution",
                summary=" ".join(sentence(rng, 14) for _ in range(3)))
    cells = {}
    for dim, cell in template["cells"].items():
        party = developer if dim in ("gpai_cop", "art53_summary") else platform
        grade_rng = random.Random(f"{developer}-{dim}") if party == developer and dim in (
            "gpai_cop", "art53_summary") else rng
        status = grade_rng.choice(GRADES)
        new = dict(cell, status=status, verified=f"2026-{rng.randint(7, 10):02d}-{rng.randint(1, 28):02d}",
                   evidence=" ".join(sentence(rng, 12) for _ in range(2)))
        new.pop("caveat", None)
        if status != "yes_public":
            new["caveat"] = sentence(rng, 8)
        if new.get("route") in FORBIDDEN_ROUTES.get(status, ()):
            new["route"] = "sign_in"
            new.pop("route_via", None)
        if dim == "gpai_cop" and status == "yes_public":
            new["facts"] = {"chapters": "all"}
        if dim == "data_residency":
            new["facts"] = {"regions": rng.sample(REGIONS, rng.randint(1, 3))}
        quoted = status == "documented_no" or rng.random() < 0.3
        new["sources"] = [source(party, dim, index, new["verified"], rng, quoted),
                          {"url": f"https://news.example.org/{index}/{dim}",
                           "title": "Synthetic press article", "kind": "press", "role": "lead"}]
        if rng.random() < 0.1:
            worse = GRADES[min(GRADES.index(status) + 1, len(GRADES) - 1)]
            new["variants"] = [{"scope": "plan", "applies_to": "Synthetic free plan", "status": worse,
                                "caveat": sentence(rng, 6),
                                "sources": [source(party, dim, index, new["verified"], rng,
                                                   worse == "documented_no")]}]
        cells[dim] = new
    data["cells"] = cells
    return data


def make_registry(root: Path, count: int, seed: int = 2026, one_platform: bool = False) -> Path:
    """Write a registry with `count` synthetic offerings under root (which must not exist).

    With one_platform, one organisation serves them all (the worst case for compare pages).
    """
    root.mkdir(parents=True)
    shutil.copy2(REPO / "registry.yaml", root / "registry.yaml")
    shutil.copytree(REPO / "schema", root / "schema")
    (root / "organisations").mkdir()
    (root / "offerings").mkdir()
    orgs = max(5, count // 20)
    for org in organisations(orgs):
        (root / "organisations" / f"{org['id']}.yaml").write_text(dump(org), encoding="utf-8")
    template = loader.load(REPO / "offerings" / "cohere-api.yaml").data
    vocab = load_vocabulary(root)
    rng = random.Random(seed)
    for index in range(count):
        data = offering(index, orgs, template, rng, one_platform)
        text = canonical_text(data, "offering", vocab) or ""
        (root / "offerings" / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
    return root

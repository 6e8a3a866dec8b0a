"""Synthetic drafts, copies and excerpts for the evidence rules' tests (TR130-TR137).

The page texts below are made up for the tests; they are no vendor's words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .conftest import mutate

TRUST = "https://trust.vendor.example"
SECURITY = "https://vendor.example/security"
COPY = {"held_by": "Synthetic Copy Archive (test fixture)", "captured": "2026-09-14"}
QUOTES = {TRUST: "Synthetic Corp undergoes an annual SOC 2 Type II audit [...] report under a mutual NDA",
          SECURITY: "The synthetic API platform is SOC 2 Type II compliant"}
PASSAGES = {TRUST: ["Test page. Synthetic Corp undergoes an annual SOC 2 Type II audit by an "
                    "independent firm. Customers may request the report under a mutual NDA."],
            SECURITY: ["Security overview (test). The synthetic API platform is SOC 2 Type II "
                       "compliant, as audited each year."]}
LIVE = {"retrieved": "2026-11-20", "sha256": "a" * 64}


def as_draft(data: dict[str, Any], dim: str = "soc2_type2", *, quotes: bool = True) -> None:
    """Make a cell a draft graded from copies, each primary source read in COPY (and quoted)."""
    cell = data["cells"][dim]
    cell.pop("verified", None)
    cell["draft"] = {"by": "Test grader (synthetic)", "date": "2026-11-20"}
    for source in cell["sources"]:
        if source["role"] == "primary":
            source.pop("retrieved", None)
            source["copy"] = dict(COPY)
            if quotes:
                source["quote"] = QUOTES[source["url"]]


def excerpt_text(url: str, passages: list[str] | None = None, **read: Any) -> str:
    read = read or {"copy": dict(COPY)}
    data = {"url": url, **read, "passages": PASSAGES[url] if passages is None else passages}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)


def write_excerpt(root: Path, url: str, passages: list[str] | None = None,
                  name: str | None = None, **read: Any) -> Path:
    """Write an excerpt (read in COPY unless read= says otherwise) at its file or at name."""
    from trustreg.excerpts import excerpt_path

    path = root / (name or str(excerpt_path(url)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(excerpt_text(url, passages, **read), encoding="utf-8")
    return path


def drafted(root: Path, dim: str = "soc2_type2", *, excerpts: bool = True) -> Path:
    """The Synthetic Vendor entry with its SOC 2 cell a quoted draft, and (by default) its excerpts."""
    path = mutate(root, lambda d: as_draft(d, dim))
    if excerpts:
        for url in (TRUST, SECURITY):
            write_excerpt(root, url)
    return path

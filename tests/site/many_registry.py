"""Make a synthetic registry of many offerings (24 by default) with every grade, variants,
reviews and draft cells read in copies, and build its site: the matrix and compare pages must
stay readable at that size (check_site.py --many, and the screenshots of issue 17).

The offerings are made up (tests/synthetic.py's organisations and example domains); grades come
from a seeded random choice, so the files are not a registry `trustreg check` would accept (no
quotes or excerpts behind the documented noes): the site is built past the check, as for the
hostile registry, to show how pages carry every grade.

Usage: python tests/site/many_registry.py DIR [COUNT]   (DIR must not exist; writes DIR/dist/site)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.site.hostile_registry import build_site
from tests.synthetic import COPY, DRAFT, make_registry, offering

GRADES = ("yes_public", "yes_sales_gated", "yes_platform_only", "partial", "unclear",
          "no_public_evidence", "documented_no")
ORGS = (("acme", "acme.example"), ("bolt", "bolt.example"))


def varied(index: int, rng: random.Random) -> dict[str, Any]:
    developer, host = ORGS[index % 2]
    data = offering(f"synthetic-{index:02d}-api", developer, host)
    data["name"] = f"Synthetic Offering {index:02d}" + (" with a longer name" if index % 5 == 0 else "")
    for dim, cell in data["cells"].items():
        status = rng.choice(GRADES)
        cell["status"] = status
        cell["confidence"] = rng.choice(("high", "medium", "low"))
        if status == "yes_public":
            cell.pop("caveat", None)
        if dim == "hipaa_baa":
            cell.update(tier="self_serve", route="sign_in", route_via="trust portal")
        if rng.random() < 0.2:  # a draft graded from a copy
            cell.pop("verified", None)
            cell["draft"] = dict(DRAFT)
            for source in cell["sources"]:
                source.pop("retrieved", None)
                source["copy"] = dict(COPY)
        if dim == "training_on_customer_data" and index % 4 == 0:
            cell["variants"] = [{"scope": "plan", "applies_to": "Free", "status": "documented_no",
                                 "caveat": "The synthetic free plan may train on prompts.",
                                 "evidence": "A synthetic page says the free plan trains on prompts.",
                                 "sources": [{**cell["sources"][0], "url": f"https://{host}/free",
                                              "quote": "The free plan uses prompts for training."}]}]
        if rng.random() < 0.1:
            cell["reviews"] = [{"date": "2026-10-02", "by": "Synthetic Reviewer", "reviewer": "human",
                                "decision": "confirmed", "note": "Synthetic review note."}]
    return data


def make(root: Path, count: int = 24) -> Path:
    rng = random.Random(17)
    return make_registry(root, offerings=tuple(varied(i, rng) for i in range(count)))


if __name__ == "__main__":
    print(build_site(make(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 24)))

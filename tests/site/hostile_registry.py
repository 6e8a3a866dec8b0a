"""Make a synthetic registry whose texts try to inject markup, and build its site.

`trustreg check` refuses such texts (TR115), so the site is built past the check here, to
prove the renderers make hostile text inert even if it slipped in.

Usage: python tests/site/hostile_registry.py DIR   (DIR must not exist; writes DIR/dist/site)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from trustreg.fmt import dump
from trustreg.loader import load

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "registry"  # synthetic data; the schema is the checkout's
SCRIPT = "<script>window.__pwned = 1; document.title = 'pwned';</script>"
IMG = '<img src=x onerror="window.__pwned = 2">'
MARKDOWN = "[click me](javascript:alert(1)) and ![x](https://example.com/x.png)"
HOSTILE_ID = "synthetic-hostile-api"


def make(root: Path) -> Path:
    root.mkdir(parents=True)
    for part in ("registry.yaml", "schema", "organisations", "offerings"):
        source = (REPO if part == "schema" else FIXTURE) / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    (root / "organisations" / "synthetic-example.yaml").write_text(dump({
        "id": "synthetic-example", "name": f"Synthetic Example {IMG}", "kind": "company",
        "domains": ["example.com"]}), encoding="utf-8")
    data = load(FIXTURE / "offerings" / "synthetic-api.yaml").data
    data.update(id=HOSTILE_ID, name=f"Synthetic {SCRIPT}", developer="synthetic-example",
                platform="synthetic-example", summary=f"Synthetic test offering. {MARKDOWN} {IMG}")
    for cell in data["cells"].values():
        cell["evidence"] = f"Synthetic evidence {SCRIPT} {MARKDOWN}"
        if "caveat" in cell:
            cell["caveat"] = f"Synthetic caveat {IMG}"
        for source in cell["sources"]:
            if source.get("url"):
                source["url"] = "https://example.com/evidence?q=%22%3E%3Cscript%3E"
            source["title"] = f"Synthetic {SCRIPT}"
    (root / "offerings" / f"{HOSTILE_ID}.yaml").write_text(dump(data), encoding="utf-8")
    return root


def build_site(root: Path) -> Path:
    """Build dist/ from the registry as loaded, without refusing on lint findings."""
    from trustreg.api import load_registry
    from trustreg.publish.build import build

    build(load_registry(root, strict=False), root / "dist")
    return root / "dist" / "site"


if __name__ == "__main__":
    print(build_site(make(Path(sys.argv[1]))))

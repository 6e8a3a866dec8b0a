"""Files a stranger could send: each gives one clear finding, exit 1, no traceback, no writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parent / "hostile"

# corpus file -> (name it gets in offerings/, rule code, "line:col" of the finding)
CORPUS = {
    "duplicate-keys.yaml": ("duplicate-keys.yaml", "TR003", "3:1"),
    "alias-bomb.yaml": ("alias-bomb.yaml", "TR004", "1:4"),
    "python-tag.yaml": ("python-tag.yaml", "TR005", "2:7"),
    "bom.yaml": ("hostile-bom.yaml", "TR001", "1:1"),
    "invalid-utf8.yaml": ("invalid-utf8.yaml", "TR001", "3:13"),
    "tabs.yaml": ("tabs.yaml", "TR002", "3:1"),
    "crlf.yaml": ("hostile-crlf.yaml", "TR112", "1:1"),
    "dotdot-id.yaml": ("dotdot-id.yaml", "TR100", "1:5"),
    "upper-case-id.yaml": ("upper-case-id.yaml", "TR100", "1:5"),
    "name-not-id.yaml": ("name-not-id.yaml", "TR101", "1:5"),
    "javascript-url.yaml": ("hostile-javascript-url.yaml", "TR107", "29:12"),
    "data-url.yaml": ("hostile-data-url.yaml", "TR107", "29:12"),
    "credentials-url.yaml": ("hostile-credentials-url.yaml", "TR107", "29:12"),
    "script-evidence.yaml": ("hostile-script-evidence.yaml", "TR115", "112:15"),
    "markdown-link.yaml": ("hostile-markdown-link.yaml", "TR115", "112:15"),
}


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    """Every file below the folders with its size and modification time."""
    return {str(p): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for folder in folders if folder.exists() for p in folder.rglob("*")}


def check(registry: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "trustreg", "--root", str(registry), "check"],
                          capture_output=True, text=True, timeout=60, env=env)


def assert_one_finding(registry: Path, name: str, code: str, place: str) -> None:
    cache = Path(os.environ["TRUSTREG_CACHE_DIR"])
    before = snapshot(registry, cache)
    result = check(registry)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith(f"offerings/{name}:{place}: {code} "), lines[0]
    assert lines[0].endswith(")"), "the finding ends with how to fix it"
    assert snapshot(registry, cache) == before, "checking wrote something"


@pytest.mark.parametrize("corpus", sorted(CORPUS))
def test_corpus_file(registry: Path, corpus: str) -> None:
    name, code, place = CORPUS[corpus]
    shutil.copyfile(HOSTILE / corpus, registry / "offerings" / name)
    assert_one_finding(registry, name, code, place)


def test_every_corpus_file_is_tested() -> None:
    assert sorted(p.name for p in HOSTILE.glob("*.yaml")) == sorted(CORPUS)


def test_twenty_megabyte_file(registry: Path) -> None:
    with (registry / "offerings" / "huge.yaml").open("w", encoding="utf-8") as handle:
        handle.write("id: huge\nsummary: >-\n")
        line = "  " + "synthetic filler text " * 4 + "\n"
        handle.write(line * (20_000_000 // len(line)))
    assert_one_finding(registry, "huge.yaml", "TR001", "1:1")


def test_ten_thousand_deep_nesting(registry: Path) -> None:
    (registry / "offerings" / "deep.yaml").write_text("id: " + "[" * 10_000 + "]" * 10_000 + "\n",
                                                      encoding="utf-8")
    assert_one_finding(registry, "deep.yaml", "TR007", "1:37")


def test_deep_block_nesting(registry: Path) -> None:
    text = "".join(f"{' ' * i}k{i}:\n" for i in range(200)) + " " * 200 + "v\n"
    (registry / "offerings" / "deep-block.yaml").write_text(text, encoding="utf-8")
    assert_one_finding(registry, "deep-block.yaml", "TR007", "33:33")


def test_symlink_pointing_outside_the_repo(registry: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside-secret.yaml"
    outside.write_text("id: outside-secret\n", encoding="utf-8")
    (registry / "offerings" / "link.yaml").symlink_to(outside)
    assert_one_finding(registry, "link.yaml", "TR001", "1:1")


def test_rendering_is_inert(tmp_path: Path) -> None:
    """The site and changelog show hostile text as text (the site also runs in Chromium)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    try:
        import hostile_registry
    finally:
        sys.path.pop(0)
    site = hostile_registry.build_site(hostile_registry.make(tmp_path / "registry"))
    page = (site / "offerings" / f"{hostile_registry.HOSTILE_ID}.html").read_text(encoding="utf-8")
    assert "<script>window" not in page and "&lt;script&gt;window.__pwned" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert 'href="javascript:' not in page

"""Files a stranger could send: each gives a clear finding, exit 1, no traceback, no writes.

The small files live in tests/hostile/; big or special ones (20 MB, 10,000-deep, links,
pipes, odd file names) are made here in the test's temporary registry.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from trustreg import loader
from trustreg.fmt import dump
from trustreg.schemas import SHOWN

from .gitrepo import Repo

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
    "javascript-url.yaml": ("hostile-javascript-url.yaml", "TR107", "31:12"),
    "data-url.yaml": ("hostile-data-url.yaml", "TR107", "31:12"),
    "credentials-url.yaml": ("hostile-credentials-url.yaml", "TR107", "31:12"),
    "script-evidence.yaml": ("hostile-script-evidence.yaml", "TR115", "123:15"),
    "markdown-link.yaml": ("hostile-markdown-link.yaml", "TR115", "123:15"),
    "bidi-override.yaml": ("hostile-bidi-override.yaml", "TR001", "2:18"),
    "ansi-escape.yaml": ("hostile-ansi-escape.yaml", "TR001", "2:7"),
    "huge-number.yaml": ("hostile-huge-number.yaml", "TR002", "3:10"),
}
SCHEMA_VALID = ("crlf.yaml", "name-not-id.yaml", "javascript-url.yaml", "data-url.yaml",
                "credentials-url.yaml", "script-evidence.yaml", "markdown-link.yaml")


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    """Every file below the folders with its size and modification time."""
    return {str(p): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for folder in folders if folder.exists() for p in folder.rglob("*")}


def check_lines(registry: Path, **env: str) -> list[str]:
    """`trustreg check` in a fresh process: exit 1, silent stderr, nothing written; the report."""
    cache = Path(os.environ["TRUSTREG_CACHE_DIR"])
    before = snapshot(registry, cache)
    result = subprocess.run([sys.executable, "-m", "trustreg", "--root", str(registry), "check"],
                            capture_output=True, text=True, timeout=120,  # a hang guard, not a timing
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **env})
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == "", result.stderr  # no traceback, no warning
    assert snapshot(registry, cache) == before, "checking wrote something"
    return result.stdout.splitlines()


def assert_one_finding(registry: Path, path: str, code: str, place: str) -> None:
    lines = check_lines(registry)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{place}: {code} "), lines[0]
    assert lines[0].endswith(")"), "the finding ends with how to fix it"


@pytest.mark.parametrize("corpus", sorted(CORPUS))
def test_corpus_file(registry: Path, corpus: str) -> None:
    name, code, place = CORPUS[corpus]
    shutil.copyfile(HOSTILE / corpus, registry / "offerings" / name)
    assert_one_finding(registry, f"offerings/{name}", code, place)


def test_every_corpus_file_is_tested() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(CORPUS)


def test_twenty_megabyte_file(registry: Path) -> None:
    with (registry / "offerings" / "huge.yaml").open("w", encoding="utf-8") as handle:
        handle.write("id: huge\nsummary: >-\n")
        line = "  " + "synthetic filler text " * 4 + "\n"
        handle.write(line * (20_000_000 // len(line)))
    assert_one_finding(registry, "offerings/huge.yaml", "TR001", "1:1")


def test_ten_thousand_deep_nesting(registry: Path) -> None:
    (registry / "offerings" / "deep.yaml").write_text("id: " + "[" * 10_000 + "]" * 10_000 + "\n",
                                                      encoding="utf-8")
    assert_one_finding(registry, "offerings/deep.yaml", "TR007", "1:37")


def test_deep_block_nesting(registry: Path) -> None:
    text = "".join(f"{' ' * i}k{i}:\n" for i in range(200)) + " " * 200 + "v\n"
    (registry / "offerings" / "deep-block.yaml").write_text(text, encoding="utf-8")
    assert_one_finding(registry, "offerings/deep-block.yaml", "TR007", "33:33")


def test_symlink_pointing_outside_the_repo(registry: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside-secret.yaml"
    outside.write_text("id: outside-secret\n", encoding="utf-8")
    (registry / "offerings" / "link.yaml").symlink_to(outside)
    assert_one_finding(registry, "offerings/link.yaml", "TR001", "1:1")


@pytest.mark.parametrize("folder", ["offerings", "organisations", "schema"])
def test_symlinked_folder_pointing_outside_the_repo(registry: Path, tmp_path: Path, folder: str) -> None:
    outside = tmp_path / "outside"
    (registry / folder).rename(outside)
    (registry / folder).symlink_to(outside)
    assert_one_finding(registry, folder, "TR001", "1:1")


@pytest.mark.parametrize("kind", ["pipe", "folder", "link to a device"])
def test_special_files_are_not_read(registry: Path, kind: str) -> None:
    path = registry / "offerings" / "special.yaml"
    make = {"pipe": os.mkfifo, "folder": os.mkdir, "link to a device": lambda p: p.symlink_to("/dev/zero")}
    make[kind](path)
    assert_one_finding(registry, "offerings/special.yaml", "TR001", "1:1")


@pytest.mark.parametrize(("name", "shown"), [(b"caf\xe9.yaml", r"caf\xe9.yaml"),
                                             (b"new\nline.yaml", r"new\nline.yaml"),
                                             (b"esc\x1b[2J.yaml", r"esc\x1b[2J.yaml")])
def test_odd_file_names_are_printed_escaped(registry: Path, name: bytes, shown: str) -> None:
    with open(os.fsencode(registry / "offerings") + b"/" + name, "w", encoding="utf-8") as handle:
        text = (registry / "offerings" / "cohere-api.yaml").read_text(encoding="utf-8")
        handle.write(text.replace("id: cohere-api", "id: odd-name", 1))
    lines = check_lines(registry, PYTHONIOENCODING="utf-8:strict")
    assert len(lines) == 1 and lines[0].startswith(f"offerings/{shown}:1:5: TR101 file name "), lines


@pytest.mark.parametrize("body", [
    "".join(f"k{i}: {i}\n" for i in range(60_000)),
    "cells:\n  soc2_type2:\n    sources:\n" + "    - bogus: 1\n" * 40_000,
], ids=["unknown-keys", "broken-items"])
def test_a_flood_of_schema_problems_is_cut_short(registry: Path, body: str) -> None:
    (registry / "offerings" / "flood.yaml").write_text("id: flood\nformat: 2\n" + body, encoding="utf-8")
    lines = check_lines(registry)
    assert 1 < len(lines) <= SHOWN + 1
    assert all(" TR100 " in line for line in lines)
    assert lines[0] == (f"offerings/flood.yaml:1:1: TR100 more than {SHOWN} schema problems; "
                        "the rest are not shown (fix these and check again)")


@pytest.mark.parametrize(("text", "code", "place"), [
    ("{not json", "TR002", "1:2"),
    ('{"type": "bogus"}', "TR100", "1:1"),
    ('{"$ref": "https://schema.invalid/organisation.json"}', "TR100", "1:1"),  # never fetched
    ("link", "TR001", "1:1"),
])
def test_hostile_schema_file(registry: Path, text: str, code: str, place: str) -> None:
    path = registry / "schema" / "organisation.schema.json"
    path.unlink()
    if text == "link":
        path.symlink_to("/dev/zero")
    else:
        path.write_text(text, encoding="utf-8")
    assert_one_finding(registry, "schema/organisation.schema.json", code, place)


def test_extra_link_in_schema_folder_does_not_hang(registry: Path) -> None:
    (registry / "schema" / "extra.json").symlink_to("/dev/zero")  # read for the cache fingerprint
    (registry / "offerings" / "cohere-api.yaml").write_text("id: [\n", encoding="utf-8")
    assert_one_finding(registry, "offerings/cohere-api.yaml", "TR002", "2:1")


def schema_valid_corpus(root: Path) -> None:
    for corpus in SCHEMA_VALID:
        shutil.copyfile(HOSTILE / corpus, root / "offerings" / CORPUS[corpus][0])


def built_site(registry: Path) -> str:
    """Every page of the site built past the check (as if hostile data slipped in)."""
    from trustreg.api import load_registry
    from trustreg.publish import build

    schema_valid_corpus(registry)
    loaded = load_registry(registry, strict=False)
    assert len(loaded.offerings) == 1 + len(SCHEMA_VALID)  # all built, hostile texts and all
    build.build(loaded, registry / "dist")
    pages = sorted((registry / "dist" / "site").rglob("*.html"))
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


def test_site_renders_hostile_texts_inert(registry: Path) -> None:
    pages = built_site(registry)
    assert "<script" not in pages
    assert "&lt;script&gt;fetch(" in pages
    assert "[the official DPA](https://evil.example/phish)" in pages  # Markdown stays text
    assert 'href="https://evil.example' not in pages


def test_site_links_no_hostile_urls(registry: Path) -> None:
    pages = built_site(registry)
    for bad in ('href="javascript:', 'href="data:', "hunter2@"):
        assert bad not in pages, bad


def test_rendering_is_inert(tmp_path: Path) -> None:
    """The site shows hostile text as text (the publishers' own hostile registry)."""
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


MALLORY = "Mallory [x](javascript:alert(1)) <mallory@example.org>"
LIVE_MARKDOWN = re.compile(r"(?<!\\)<[a-zA-Z/!]|(?<!\\)\]\((?!https://[a-z.]*cohere\.com)")  # tags, links


def changelog_of(repo: Repo) -> tuple[str, list[str]]:
    from trustreg import changelog
    from trustreg.vocabulary import load_vocabulary

    warnings: list[str] = []
    text = changelog.changelog_text(repo.root, load_vocabulary(repo.root), warn=warnings.append)
    return text, warnings


def test_changelog_renders_the_corpus_inert(registry: Path) -> None:
    """Every corpus file committed by a hostile author: broken ones are skipped, the rest is text."""
    repo = Repo(registry)
    repo.commit("Add the registry", author="Maintainer <maint@example.org>")
    for corpus in sorted(CORPUS):
        shutil.copyfile(HOSTILE / corpus, registry / "offerings" / CORPUS[corpus][0])
        repo.commit(f"Add {corpus}\n\nCo-authored-by: Eve <script>x</script> <eve@example.org>",
                    author=MALLORY)
    data = repo.offering()
    data["name"] = "Synthetic <script>alert(1)</script> [click](javascript:alert(1))"
    cell = data["cells"]["hipaa_baa"]
    cell.update(status="yes_sales_gated", caveat="<img src=x onerror=alert(1)>", verified="2026-11-20")
    cell["sources"].insert(0, {"url": "javascript:alert(1)", "title": "[DPA](https://evil.example/) <b>",
                               "role": "primary", "retrieved": "2026-11-20"})
    repo.write(data)
    repo.commit("Correct HIPAA BAA", author=MALLORY)
    text, warnings = changelog_of(repo)
    skipped = {re.search(r"(offerings/\S+) does not load", w).group(1) for w in warnings}  # type: ignore[union-attr]
    loader_refused = {f"offerings/{CORPUS[c][0]}" for c in CORPUS if CORPUS[c][1] in
                      {"TR001", "TR002", "TR003", "TR004", "TR005"}}
    assert skipped == loader_refused
    assert "HIPAA BAA: No public evidence → Yes, sales-gated" in text
    assert LIVE_MARKDOWN.findall(text) == []
    assert r"Mallory \[x\]\(javascript:alert\(1\)\)" in text  # escaped, not dropped


def test_changelog_id_cannot_leave_its_code_span(registry: Path) -> None:
    repo = Repo(registry)
    data = loader.load(registry / "offerings" / "cohere-api.yaml").data
    (registry / "offerings" / "tick.yaml").write_text(dump({**data, "id": "x`<img src=x>`"}),
                                                      encoding="utf-8")
    repo.commit("Add", author=MALLORY)
    text, _ = changelog_of(repo)
    assert LIVE_MARKDOWN.findall(text) == []


def test_json_output_of_the_corpus_is_valid_json(registry: Path) -> None:
    for corpus in sorted(CORPUS):
        shutil.copyfile(HOSTILE / corpus, registry / "offerings" / CORPUS[corpus][0])
    result = subprocess.run([sys.executable, "-m", "trustreg", "--root", str(registry), "check",
                             "--format", "json"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    assert result.returncode == 1 and result.stderr == ""
    found = {(f["path"], f["code"]) for f in json.loads(result.stdout)}
    assert found == {(f"offerings/{name}", code) for name, code, _ in CORPUS.values()}

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
from trustreg.jsonschemas.validation import SHOWN

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
    "javascript-url.yaml": ("hostile-javascript-url.yaml", "TR107", "32:12"),
    "data-url.yaml": ("hostile-data-url.yaml", "TR107", "32:12"),
    "credentials-url.yaml": ("hostile-credentials-url.yaml", "TR107", "32:12"),
    "script-evidence.yaml": ("hostile-script-evidence.yaml", "TR115", "125:15"),
    "markdown-link.yaml": ("hostile-markdown-link.yaml", "TR115", "125:15"),
    "bidi-override.yaml": ("hostile-bidi-override.yaml", "TR001", "2:18"),
    "ansi-escape.yaml": ("hostile-ansi-escape.yaml", "TR001", "2:7"),
    "huge-number.yaml": ("hostile-huge-number.yaml", "TR002", "3:10"),
    "nested-link.yaml": ("hostile-nested-link.yaml", "TR115", "125:15"),
    "reference-link.yaml": ("hostile-reference-link.yaml", "TR115", "125:15"),
    "link-definition.yaml": ("hostile-link-definition.yaml", "TR115", "125:15"),
    "autolink.yaml": ("hostile-autolink.yaml", "TR115", "125:15"),
    "split-link.yaml": ("hostile-split-link.yaml", "TR115", "125:15"),
    "zero-date.yaml": ("hostile-zero-date.yaml", "TR108", "22:15"),
    "blank-caveat.yaml": ("hostile-blank-caveat.yaml", "TR100", "20:13"),
    "percent-slash-host.yaml": ("hostile-percent-slash-host.yaml", "TR107", "32:12"),
    "tag-escape.yaml": ("hostile-tag-escape.yaml", "TR005", "2:7"),
    "tag-invalid-utf8.yaml": ("hostile-tag-invalid-utf8.yaml", "TR005", "2:7"),
    "huge-key.yaml": ("hostile-huge-key.yaml", "TR100", "235:3"),
    "comment.yaml": ("hostile-comment.yaml", "TR112", "2:1"),
}
SCHEMA_VALID = ("crlf.yaml", "name-not-id.yaml", "javascript-url.yaml", "data-url.yaml",
                "credentials-url.yaml", "script-evidence.yaml", "markdown-link.yaml", "nested-link.yaml",
                "reference-link.yaml", "link-definition.yaml", "autolink.yaml", "split-link.yaml",
                "percent-slash-host.yaml")


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
    assert lines[0].isprintable() and len(lines[0]) < 1200, "escaped and bounded"


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
    # trustreg stops past 32 levels (column 37); PyYAML 6.0.4 scans ahead and stops at its own
    # limit first (column 1004): the code and the line are ours, the column is the parser's
    lines = check_lines(registry)
    assert len(lines) == 1, lines
    assert lines[0].startswith(("offerings/deep.yaml:1:37: TR007 ", "offerings/deep.yaml:1:1004: TR007 "))
    assert lines[0].endswith("nesting deeper than 32 levels (flatten the structure)")


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
        text = (registry / "offerings" / "synthetic-api.yaml").read_text(encoding="utf-8")
        handle.write(text.replace("id: synthetic-api", "id: odd-name", 1))
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


META = "https://json-schema.org/draft/2020-12/schema"
HOSTILE_SCHEMAS = {  # what replaces a shipped schema -> (code, place)
    "{not json": ("TR002", "1:2"),
    '{"type": "bogus"}': ("TR100", "1:1"),
    f'{{"$schema": "{META}", "type": "bogus"}}': ("TR100", "1:1"),
    f'{{"$schema": "{META}", "$ref": "https://schema.invalid/organisation.json"}}': ("TR100", "1:1"),
    f'{{"$schema": "{META}", "$id": "https://schema.invalid/a", "$ref": "b"}}': ("TR100", "1:1"),
    '{"$schema": "https://schema.invalid/meta"}': ("TR100", "1:1"),  # the meta-schema step would fetch it
    f'{{"$schema": "{META}", "$defs": {{"x": {{"$schema": "https://schema.invalid/m"}}}}}}': ("TR100", "1:1"),
    "[" * 100_000: ("TR007", "1:1"),
    "missing": ("TR001", "1:1"),
    "link to a device": ("TR001", "1:1"),
    "link to a copy": ("TR001", "1:1"),
}


def replace_schema(registry: Path, kind: str, text: str) -> None:
    path = registry / "schema" / f"{kind}.schema.json"
    copy = registry.parent / "copy.json"
    shutil.copyfile(path, copy)
    path.unlink()
    if text == "link to a device":
        path.symlink_to("/dev/zero")
    elif text == "link to a copy":
        path.symlink_to(copy)
    elif text != "missing":
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("text", sorted(HOSTILE_SCHEMAS), ids=lambda text: text[:48])
@pytest.mark.parametrize("kind", ["organisation", "registry", "vocabulary", "data"])
def test_hostile_schema_file(registry: Path, kind: str, text: str) -> None:
    replace_schema(registry, kind, text)
    code, place = HOSTILE_SCHEMAS[text]
    assert_one_finding(registry, f"schema/{kind}.schema.json", code, place)


@pytest.mark.parametrize("text", ["link to a copy", "{not json"])
def test_hostile_offering_schema_file(registry: Path, text: str) -> None:
    replace_schema(registry, "offering", text)
    code, place = HOSTILE_SCHEMAS[text]
    assert_one_finding(registry, "schema/offering.schema.json", code, place)


def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a connection (or to look a name up) fail the test."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network use: {args!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize("text", [
    f'{{"$schema": "{META}", "$ref": "https://schema.invalid/data.json"}}',
    '{"$schema": "https://schema.invalid/meta"}',
])
def test_build_never_fetches_a_remote_schema(registry: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str], text: str) -> None:
    from trustreg import cli

    replace_schema(registry, "data", text)
    no_network(monkeypatch)
    assert cli.main(["--root", str(registry), "build"]) == 1
    out = capsys.readouterr()
    assert out.out.startswith("schema/data.schema.json:1:1: TR100 ") and len(out.out.splitlines()) == 1
    assert not (registry / "dist").exists()


def test_explaining_validator_never_fetches(monkeypatch: pytest.MonkeyPatch) -> None:
    from referencing.exceptions import Unresolvable
    from trustreg.jsonschemas.validation import explaining_validator

    no_network(monkeypatch)
    validator = explaining_validator({"$schema": META, "$ref": "https://schema.invalid/x.json"})
    with pytest.raises(Unresolvable):
        validator.is_valid(1)


def test_explaining_validator_matches_patterns_in_linear_time() -> None:
    from trustreg.jsonschemas.validation import explaining_validator

    validator = explaining_validator({"$schema": META, "pattern": "^(a+)+$"})  # catastrophic in `re`
    assert not validator.is_valid("a" * 100_000 + "!")
    assert validator.is_valid("a" * 100_000)


def loosen(registry: Path, kind: str, drop: str, *where: str) -> None:
    """Let a shipped schema accept files without `drop` and with any other key."""
    path = registry / "schema" / f"{kind}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    node = schema
    for part in where:
        node = node[part]
    node["required"].remove(drop)
    node["additionalProperties"] = True
    path.write_text(json.dumps(schema), encoding="utf-8")


def misspell_graded_party(registry: Path, loosened: bool) -> None:
    path = registry / "schema" / "vocabulary.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("graded_party:", "graded_pary:", 1),
                    encoding="utf-8")
    if loosened:
        loosen(registry, "vocabulary", "graded_party", "properties", "dimensions", "items")


def drop_domains(registry: Path) -> None:
    loosen(registry, "organisation", "domains")
    path = registry / "organisations" / "synthetic-vendor.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("domains:\n- vendor.example\n", ""),
                    encoding="utf-8")


def drop_stale_after_days(registry: Path) -> None:
    loosen(registry, "registry", "stale_after_days")
    path = registry / "registry.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stale_after_days: 180\n", ""),
                    encoding="utf-8")


BREAKS = {  # a broken registry file -> the file every finding about it names, when it must
    "misspelt vocabulary key": (lambda r: misspell_graded_party(r, False), "schema/vocabulary.yaml"),
    "and a loosened vocabulary schema": (lambda r: misspell_graded_party(r, True), "schema/vocabulary.yaml"),
    "loosened organisation schema": (drop_domains, None),
    "loosened registry schema": (drop_stale_after_days, None),
}
COMMANDS = {"check": ["check"], "fix": ["fix"], "new": ["new", "synthetic-new"], "schema": ["schema"],
            "reference": ["reference"]}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("broken", sorted(BREAKS))
def test_commands_on_broken_registry_files(registry: Path, command: str, broken: str) -> None:
    """No KeyError or TypeError: a one-line finding naming the file (exit 1), or the work done."""
    (registry / "docs").mkdir()
    BREAKS[broken][0](registry)
    result = subprocess.run([sys.executable, "-m", "trustreg", "--root", str(registry),
                             *COMMANDS[command]], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr
    named = BREAKS[broken][1]
    output = (result.stdout + result.stderr).splitlines()
    findings = [line for line in output if re.match(r"\S+:\d+:\d+: TR", line)]
    if named or command == "check":
        assert result.returncode == 1 and findings, result.stdout + result.stderr
        files = named or ("organisations/synthetic-vendor.yaml", "registry.yaml")
        assert any(line.startswith(files) for line in findings)


def test_extra_link_in_schema_folder_does_not_hang(registry: Path) -> None:
    (registry / "schema" / "extra.json").symlink_to("/dev/zero")  # read for the cache fingerprint
    (registry / "offerings" / "synthetic-api.yaml").write_text("id: [\n", encoding="utf-8")
    assert_one_finding(registry, "offerings/synthetic-api.yaml", "TR002", "2:1")


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
    own = '<script src="../compare/compare.js" defer></script>'  # the site's one script file
    assert pages.count(own) == 1 and "<script" not in pages.replace(own, "")
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
LIVE_MARKDOWN = re.compile(r"(?<!\\)<[a-zA-Z/!]|(?<!\\)\]\((?!https://[a-z.]*vendor\.example)")  # tags, links


def changelog_of(repo: Repo) -> tuple[str, list[str]]:
    from trustreg import changelog
    from trustreg.vocabulary_file import load_vocabulary

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
    assert r"Mallory \[x\]\(javascript\[:\]alert\(1\)\)" in text  # escaped, not dropped


def test_changelog_id_cannot_leave_its_code_span(registry: Path) -> None:
    repo = Repo(registry)
    data = loader.load(registry / "offerings" / "synthetic-api.yaml").data
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


def test_unsafe_licence_url_is_a_finding_and_never_linked(registry: Path) -> None:
    from trustreg.api import load_registry
    from trustreg.publish import build

    meta = registry / "registry.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "license_url: https://creativecommons.org/licenses/by/4.0/",
        "license_url: javascript:alert(document.cookie)"), encoding="utf-8")
    assert_one_finding(registry, "registry.yaml", "TR107", "3:14")
    build.build(load_registry(registry, strict=False), registry / "dist")
    pages = [p.read_text(encoding="utf-8") for p in (registry / "dist" / "site").rglob("*.html")]
    assert pages and all("javascript:" not in page.replace("URL uses the javascript: scheme", "")
                         for page in pages)
    assert "javascript:" not in (registry / "dist" / "datapackage.json").read_text(encoding="utf-8")
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_findings_echo_escaped_and_bounded(fmt: str) -> None:
    from trustreg.findings import MAX_TEXT, MAX_WORD, Finding, render

    finding = Finding("offerings/x\x1b.yaml", 1, 1, "TR100", f"unknown key {'k' * 900_000!r}",
                      "tag !x\x1b[2J\u202e\u200b, then\nmore")
    assert len(finding.message) <= MAX_TEXT and finding.message.endswith("…")
    assert max(len(word) for word in finding.message.split()) <= MAX_WORD
    assert finding.hint == r"tag !x\u001b[2J\u202e\u200b, then more"
    assert finding.path == r"offerings/x\u001b.yaml"
    shown = render([finding], fmt)
    assert all(line.isprintable() for line in shown.splitlines())
    assert len(shown) < 1200


@pytest.mark.parametrize("rel", ["registry.yaml", "schema/vocabulary.yaml", "schema/registry.schema.json",
                                 "schema/data.schema.json"])
def test_symlinked_registry_file_is_refused(registry: Path, tmp_path: Path, rel: str) -> None:
    """Even a link to an identical copy outside the checkout: links are never read."""
    copy = tmp_path / "copy"
    shutil.copyfile(registry / rel, copy)
    (registry / rel).unlink()
    (registry / rel).symlink_to(copy)
    assert_one_finding(registry, rel, "TR001", "1:1")

"""One bad commit on main stays forever: every reader of history reports it and goes on.

Each case is a real git repository with the bad commit crafted by git plumbing (tests/gitrepo.py);
the readers are `changelog`, `check --base`, `diff` and `build` (modified dates, changes.atom).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from trustreg import cli
from trustreg.fmt import dump

from .gitrepo import Repo
from .test_changelog import SOURCE, correct, generate

HIDDEN = ("\x1b", "\x07", "\u202e", "\u2066")


@pytest.fixture
def repo(registry: Path) -> Repo:
    repo = Repo(registry)
    repo.commit("Add the registry", author="Maintainer <maint@example.org>")
    return repo


def run(repo: Repo, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """A trustreg command in this process: an uncaught exception fails the test with its traceback."""
    code = cli.main(["--root", str(repo.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def built(repo: Repo, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    code, out, err = run(repo, capsys, "build")
    assert code == 0, out + err
    return repo.root / "dist", err


def feed(dist: Path) -> feedparser.FeedParserDict:
    raw = (dist / "changes.atom").read_bytes()
    ET.fromstring(raw)  # well-formed XML, or ParseError
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


@pytest.mark.parametrize("codec", [b"rot13", b"idna", b"hex", b"unicode_escape"])
def test_an_encoding_header_naming_no_charset_is_reported(repo: Repo, codec: bytes,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    correct(repo, "Correct HIPAA BAA\n\nCo-authored-by: Bob Example <bob@example.org>\n")
    sha = repo.rewrite_head(b"encoding " + codec)
    warnings: list[str] = []
    text = generate(repo, warnings)
    assert warnings == [f"warning: commit {sha[:10]}: its encoding header names "
                        f"{codec.decode()!r}, which is no character set: read as UTF-8"]
    line = next(x for x in text.splitlines() if "HIPAA BAA" in x)
    assert line.endswith("Credit: Alice Example, Bob Example.")
    dist, err = built(repo, capsys)
    assert f"commit {sha[:10]}: its encoding header" in err
    assert [a.name for a in feed(dist).entries[0].authors] == ["Alice Example", "Bob Example"]


def test_an_encoding_header_brought_in_by_a_merge_is_reported(repo: Repo,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    repo.git("checkout", "-q", "-b", "fix")
    correct(repo, "Correct HIPAA BAA", author="Dana Contributor <dana@example.org>")
    sha = repo.rewrite_head(b"encoding rot13")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge pull request 1", "fix",
             author="Maintainer <maint@example.org>")
    warnings: list[str] = []
    line = next(x for x in generate(repo, warnings).splitlines() if "HIPAA BAA" in x)
    assert "Credit: Maintainer, Dana Contributor." in line
    assert warnings and all(w.startswith(f"warning: commit {sha[:10]}: its encoding") for w in warnings)
    dist, err = built(repo, capsys)
    assert f"commit {sha[:10]}" in err
    assert [a.name for a in feed(dist).entries[0].authors] == ["Maintainer", "Dana Contributor"]


def invalid_cells(data: dict) -> None:
    data["cells"] = [1]


def string_sources(data: dict) -> None:
    for cell in data["cells"].values():
        cell["sources"] = [s.get("url", "https://example.org/x") for s in cell.get("sources") or []]


def bad_keys(data: dict) -> None:
    data["cells"][7] = data["cells"].pop("hipaa_baa")


@pytest.mark.parametrize("spoil", [invalid_cells, string_sources, bad_keys])
def test_data_that_loads_but_breaks_the_schema_is_reported(repo: Repo, spoil,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    data, bad = repo.offering(), repo.offering()
    ident = data["id"]
    spoil(bad)
    repo.write(bad)
    broken = repo.commit("Spoil the file")
    data["name"] += " (renamed)"
    repo.write(data)
    repo.commit("Repair the file")
    correct(repo, "Correct HIPAA BAA")
    warnings: list[str] = []
    text = generate(repo, warnings)
    assert len(warnings) == 1 and warnings[0].startswith(
        f"warning: commit {broken[:10]}: offerings/{ident}.yaml does not load, skipped: ")
    assert text.count("HIPAA BAA") == 1 and "Removed" not in text
    dist, _err = built(repo, capsys)
    assert [e.title.split(":")[0] for e in feed(dist).entries] == ["Corrected", "Added"]
    code, out, err = run(repo, capsys, "diff", broken, "HEAD")
    assert code == 0 and out.startswith(f"added {ident}\n")  # nothing to compare it with
    assert err.startswith(f"warning: offerings/{ident}.yaml at {broken[:10]} cannot be read (")
    assert err.endswith("): left out\n") and err.count("\n") == 1
    code, out, err = run(repo, capsys, "diff", f"{broken}~1", broken)
    assert code == 0, err
    repo.git("checkout", "-q", "-b", "pr", broken)
    repo.write(data)
    code, out, err = run(repo, capsys, "check", "--base", "HEAD")
    assert code == 1 and f"TR200 cannot compare with the base: offerings/{ident}.yaml" in out


@pytest.mark.parametrize("name", [b"offerings/odd\x1erecord.yaml", b"offerings/odd\nline.yaml",
                                  b"offerings/odd\x1e" + b"f" * 40 + b" 4102444800\nx.yaml"])
def test_file_names_holding_separators_are_read_as_names(repo: Repo, name: bytes,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    odd = dump({**repo.offering(), "id": "odd-one"}).encode()
    added = repo.commit_files("An odd name", {name: odd})
    repo.commit_files("Gone again", {name: None})
    warnings: list[str] = []
    text = generate(repo, warnings)
    assert "odd-one" in text
    _dist, err = built(repo, capsys)
    code, out, err = run(repo, capsys, "diff", "HEAD~2", added)
    assert code == 0 and "added odd-one" in out
    code, out, err = run(repo, capsys, "check", "--base", added)
    assert code == 0, out + err


def test_a_crafted_file_name_cannot_forge_another_offerings_modified_date(
        repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    real = repo.git("rev-parse", "HEAD").strip()
    ident, forged = repo.offering()["id"], "f" * 40
    names = [f"offerings/x\x1e{forged} 4102444800\nofferings/{ident}.yaml".encode(),
             f"offerings/y\nofferings/{ident}.yaml".encode(), f"offerings/sub/{ident}.yaml".encode(),
             f"offerings/{ident}.yml".encode()]
    for name in names:
        repo.commit_files("Plant", {name: b"id: planted\n"})
        repo.commit_files("Unplant", {name: None})
    dist, _err = built(repo, capsys)
    record = json.loads((dist / f"api/v1/offerings/{ident}.json").read_text(encoding="utf-8"))
    assert (record["modified"], record["modified_commit"]) == ("2026-11-01T12:00:00Z", real)
    index = json.loads((dist / "api/v1/offerings.json").read_text(encoding="utf-8"))
    assert index["offerings"][0]["modified"] == "2026-11-01T12:00:00Z"


@pytest.mark.parametrize("seconds", [b"253402300800", b"99999999999999999999", b"-5", b"soon"])
def test_a_committer_date_after_9999_is_reported(repo: Repo, seconds: bytes,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    correct(repo, "Correct HIPAA BAA")
    sha = repo.rewrite_head(committer_time=seconds)
    assert "HIPAA BAA" in generate(repo)
    dist, err = built(repo, capsys)
    assert f"warning: commit {sha[:10]} has no committer date up to 9999" in err
    assert f"warning: commit {sha[:10]} has no readable committer date" in err
    data = json.loads((dist / "data.json").read_text(encoding="utf-8"))
    assert data["generated_from"] == "newest verified date" and data["generated"] == "2026-11-20"
    ident = repo.offering()["id"]
    record = json.loads((dist / f"api/v1/offerings/{ident}.json").read_text(encoding="utf-8"))
    assert (record["modified"], record["modified_commit"]) == (None, sha)
    assert record["modified_note"] == "its last commit has no readable date"
    assert [e.title.split(":")[0] for e in feed(dist).entries] == ["Added"]  # its change left out


def test_quotes_in_historical_keys_and_ids_keep_changes_atom_well_formed(
        repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    evil_id = 'evil" onload="alert(1)<x>&'
    evil_key = 'hipaa" href="javascript:alert(1)'
    data = repo.offering()
    data["id"] = evil_id
    data["name"] = 'Evil "quoted" <b>name</b>'
    data["cells"][evil_key] = data["cells"].pop("hipaa_baa")
    repo.commit_files("Add an evil offering", {b"offerings/evil.yaml": dump(data).encode()})
    data["cells"][evil_key].update(status="yes_sales_gated", verified="2026-11-20",
                                   caveat='Synthetic " caveat')
    data["cells"][evil_key]["sources"].insert(0, {**SOURCE, "title": 'FAQ "x" <y>'})
    repo.commit_files("Correct it", {b"offerings/evil.yaml": dump(data).encode()})
    repo.commit_files("Remove it", {b"offerings/evil.yaml": None})
    dist, _err = built(repo, capsys)
    parsed = feed(dist)
    correction = parsed.entries[0]
    terms = {t.term for t in correction.tags}
    assert {evil_id, evil_key} <= terms
    alternate = next(link.href for link in correction.links if link.rel == "alternate")
    assert '"' not in alternate and "<" not in alternate and alternate.startswith("site/offerings/evil")
    assert all('"' not in e.id and " " not in e.id for e in parsed.entries)


def test_control_and_bidi_characters_in_names_never_reach_the_outputs(
        repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    correct(repo, "Correct HIPAA BAA\n\nCo-authored-by: Bel\x07la \u2066Iso\u2069 <bella@example.org>\n"
                  "Reported-by: Rex \u202eSpoof <rex@example.org>\n",
            author="Eve \x1b[31mRed\x1b[0m <eve@example.org>")
    line = next(x for x in generate(repo).splitlines() if "HIPAA BAA" in x)
    assert not any(c in line for c in HIDDEN)
    assert line.endswith("Credit: Eve \\[31mRed\\[0m, Bella Iso; reported by Rex Spoof.")
    dist, _err = built(repo, capsys)
    raw = (dist / "changes.atom").read_text(encoding="utf-8")
    assert not any(c in raw for c in HIDDEN)
    assert [a.name for a in feed(dist).entries[0].authors] == ["Eve [31mRed[0m", "Bella Iso"]



@pytest.mark.parametrize("parties", ["5", "[[1, 2]]", "[{organisation: [x]}]", "oops"])
def test_a_base_vocabulary_of_any_shape_is_compared(repo: Repo, parties: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = repo.root / "schema" / "vocabulary.yaml"
    good = path.read_text(encoding="utf-8")
    assert "\nindependent_parties:" in good
    head, _, tail = good.partition("\nindependent_parties:")
    rest = tail.split("\n")
    end = next((i for i, line in enumerate(rest[1:], 1) if line and not line.startswith((" ", "-"))),
               len(rest))
    path.write_text(f"{head}\nindependent_parties: {parties}\n" + "\n".join(rest[end:]), encoding="utf-8")
    base = repo.commit("Spoil the vocabulary")
    path.write_text(good, encoding="utf-8")
    code, out, err = run(repo, capsys, "check", "--base", base)
    assert code == 0 and "TR204" in out, out + err


def test_a_shallow_clone_builds_and_says_what_it_lacks(repo: Repo, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    repo.git("checkout", "-q", "-b", "fix")
    correct(repo, "Correct HIPAA BAA", author="Dana Contributor <dana@example.org>")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge pull request 1", "fix",
             author="Maintainer <maint@example.org>")
    clone = tmp_path / "shallow"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    code = cli.main(["--root", str(clone), "build"])
    _out, err = capsys.readouterr()
    assert code == 0, err
    assert "warning: the git history is shallow" in err
    assert "the commits it merged cannot be read" in err
    feed(clone / "dist")

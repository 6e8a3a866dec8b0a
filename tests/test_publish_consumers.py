"""What consumers rely on: a v1 feed, drafts in every output, absolute and versioned files, JSON
Lines, SQLite, OpenAPI, per-offering Atom feeds, and a build that never ends in a traceback."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import feedparser
import jsonschema
import pytest
from trustreg import cli

from .gitrepo import ENV, Repo
from .synthetic import (
    ACME,
    BASE_URL,
    BOLT,
    TAG_ENTITY,
    make_registry,
    offering,
    verified_live,
    write_offering,
)

BIN = Path(sys.executable).parent
DRAFT_NOTE = "graded from copies of the cited pages; not yet verified live"


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli.main(["--root", str(root), "build"]) == 0
    capsys.readouterr()
    return root / "dist"


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    return make_registry(tmp_path / "registry")


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """The synthetic registry with a base_url and a tag entity, in git (drafts committed)."""
    root = make_registry(tmp_path / "registry",
                         extra_meta=f"base_url: {BASE_URL}\ntag_entity: {TAG_ENTITY}\n")
    Repo(root).commit("Add the synthetic registry")
    return root


def v1_reader(text: str) -> dict[str, dict[str, tuple[str, str | None]]]:
    """A reader written for version 1 of the feed: it refuses any other schema_version and reads
    each offering's per-dimension value and verified date."""
    feed = json.loads(text)
    if feed.get("schema_version", 1) != 1:
        raise ValueError(f"unsupported schema_version {feed['schema_version']}")
    return {o["id"]: {dim: (cell["value"], cell["verified"]) for dim, cell in o["dimensions"].items()}
            for o in feed["offerings"]}


def test_a_v1_reader_reads_data_json_and_sees_no_verified_date_on_a_draft(
        synthetic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(synthetic, capsys)
    feed = read(dist / "data.json")
    assert (feed["schema_version"], feed["schema_minor"]) == (1, 2)
    cells = v1_reader((dist / "data.json").read_text(encoding="utf-8"))
    assert cells["bolt-api"]["soc2_type2"] == ("no_public_evidence", None)
    assert cells["bolt-api"]["iso_27001"] == ("no_public_evidence", "2026-10-01")
    with pytest.raises(ValueError, match="unsupported"):
        v1_reader(json.dumps({**feed, "schema_version": 2}))


def test_drafts_and_copies_in_data_json_and_api_records(synthetic: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(synthetic, capsys)
    bolt = read(dist / "data.json")["offerings"][1]
    assert bolt["drafts"] == ["soc2_type2", "hipaa_baa"]
    cell = bolt["dimensions"]["soc2_type2"]
    assert cell["verified"] is None and cell["draft"]["date"] == "2026-10-01"
    assert not cell["stale"]
    source = cell["sources"][0]
    assert source["retrieved"] is None
    assert source["copy"] == {"held_by": "Synthetic Archive (test copies)",
                              "url": "https://archive.example.net/copy/1", "captured": "2026-09-14"}
    assert bolt["dimensions"]["iso_27001"]["draft"] is None
    record = read(dist / "api/v1/offerings/bolt-api.json")
    assert record["dimensions"]["hipaa_baa"]["verified"] is None and record["drafts"] == bolt["drafts"]
    index = read(dist / "api/v1/offerings.json")
    assert [o["drafts"] for o in index["offerings"]] == [[], ["soc2_type2", "hipaa_baa"]]


def test_verified_as_of_counts_verified_cells_only(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    every = tuple(BOLT["cells"])
    root = make_registry(tmp_path / "r", offerings=(ACME, offering("all-draft", "bolt", "bolt.example",
                                                                   drafts=every)))
    feed = read(build(root, capsys) / "data.json")
    assert feed["offerings"][1]["verified"] is None
    assert feed["offerings"][0]["verified"] == "2026-10-01"


def test_csv_marks_drafts_and_its_data_package_is_valid(synthetic: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from frictionless import validate

    dist = build(synthetic, capsys)
    rows = {(r["offering_id"], r["dimension"]): r
            for r in csv.DictReader(io.StringIO((dist / "offerings.csv").read_text(encoding="utf-8")))}
    draft = rows["bolt-api", "soc2_type2"]
    assert (draft["draft"], draft["verified"], draft["draft_date"]) == ("true", "", "2026-10-01")
    assert json.loads(draft["sources"])[0]["copy"]["held_by"] == "Synthetic Archive (test copies)"
    assert rows["acme-api", "soc2_type2"]["draft"] == "false"
    report = validate(dist / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_json_lines_hold_one_offering_per_line(synthetic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(synthetic, capsys)
    lines = (dist / "offerings.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == read(dist / "data.json")["offerings"]


def test_sqlite_database_opens_with_the_four_tables(synthetic: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(synthetic, capsys)
    db = sqlite3.connect(f"file:{dist / 'registry.sqlite'}?mode=ro", uri=True)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"offerings", "cells", "sources", "variants"} <= tables
    assert db.execute("SELECT count(*) FROM cells").fetchone() == (22,)
    assert db.execute("SELECT dimension, verified, draft_by FROM cells WHERE draft ORDER BY dimension"
                      ).fetchall() == [("hipaa_baa", None, "Synthetic maintainers (graded from stored "
                                        "copies)"), ("soc2_type2", None, "Synthetic maintainers (graded"
                                                     " from stored copies)")]
    assert db.execute("SELECT copy_held_by FROM sources WHERE offering_id = 'bolt-api' AND "
                      "dimension = 'soc2_type2'").fetchone() == ("Synthetic Archive (test copies)",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()


def test_sqlite_database_opens_in_the_sqlite3_shell(synthetic: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    shell = shutil.which("sqlite3")
    if shell is None:
        pytest.skip("the sqlite3 shell is not installed")
    dist = build(synthetic, capsys)
    out = subprocess.run([shell, "-readonly", str(dist / "registry.sqlite"),
                          "SELECT count(*) FROM offerings; PRAGMA integrity_check;"],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.split() == ["2", "ok"]


def test_sqlite_database_opens_in_datasette(synthetic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("datasette")
    dist = build(synthetic, capsys)
    out = subprocess.run([str(BIN / "datasette"), "inspect", str(dist / "registry.sqlite")],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    tables = next(iter(json.loads(out).values()))["tables"]
    assert tables["offerings"]["count"] == 2 and tables["cells"]["count"] == 22


def test_openapi_description_is_valid_openapi_3_1(published: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
    from openapi_spec_validator.versions.shortcuts import get_spec_version

    spec = read(build(published, capsys) / "api/v1/openapi.json")
    validate(spec)
    assert str(get_spec_version(spec)) == "OpenAPIV3.1"
    broken = json.loads(json.dumps(spec))
    del broken["paths"]["/offerings/{id}.json"]["get"]["parameters"]  # {id} left undeclared
    with pytest.raises(OpenAPIValidationError):
        validate(broken)
    assert spec["servers"][0]["url"] == f"{BASE_URL}/api/v1"
    assert "/offerings/{id}.json" in spec["paths"]


def test_with_base_url_files_name_absolute_schemas_and_a_release_asset_validates_alone(
        published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(published, capsys)
    schema = read(dist / "api/v1/schemas/data.schema.json")
    assert schema["$id"] == f"{BASE_URL}/api/v1/schemas/data.schema.json"
    release = next((dist / "releases").iterdir())
    alone = tmp_path / "downloaded" / "data.json"  # nothing beside it
    alone.parent.mkdir()
    alone.write_bytes((release / "data.json").read_bytes())
    data = read(alone)
    assert data["$schema"] == schema["$id"]
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    record = read(dist / "api/v1/offerings/acme-api.json")
    assert record["$schema"] == f"{BASE_URL}/api/v1/schemas/offering.schema.json"
    assert read(dist / "api/v1/schemas/offering.schema.json")["$id"] == record["$schema"]


def test_release_folder_holds_dated_copies_with_sha256_sums(published: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    repo = Repo(published)
    repo.git("tag", "2026.11.05")
    dist = build(published, capsys)
    release = dist / "releases" / "2026.11.05"
    sums = (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(sums) >= 8
    for line in sums:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest
        published = dist / name if (dist / name).exists() else next(dist.glob(f"api/v1/**/{name}"))
        assert (release / name).read_bytes() == published.read_bytes()


def test_without_base_url_schema_paths_are_relative(synthetic: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(synthetic, capsys)
    assert read(dist / "data.json")["$schema"] == "api/v1/schemas/data.schema.json"
    assert read(dist / "api/v1/schemas/data.schema.json")["$id"].startswith("urn:ai-trust-registry:")
    assert (dist / "releases" / "2026.10.01" / "data.json").is_file()  # no commit: the newest date


def test_shipped_and_published_schemas_pass_the_metaschema_check(
        synthetic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(synthetic, capsys)
    schemas = [*sorted((Path(__file__).parent.parent / "schema").glob("*.schema.json")),
               *sorted((dist / "api/v1/schemas").glob("*.json"))]
    done = subprocess.run([str(BIN / "check-jsonschema"), "--check-metaschema", *map(str, schemas)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_atom_feeds_are_plain_text_with_tag_ids_and_absolute_links(
        published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = Repo(published)
    data = json.loads(json.dumps(ACME))
    data["cells"]["hipaa_baa"].update(status="yes_public", caveat=None)
    del data["cells"]["hipaa_baa"]["caveat"]
    data["cells"]["hipaa_baa"]["sources"][0]["url"] = "https://acme.example/baa-public"
    write_offering(published, data)
    repo.commit("Correct Acme HIPAA BAA")
    dist = build(published, capsys)
    feed = feedparser.parse((dist / "changes.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.id == f"tag:{TAG_ENTITY}:changes"
    assert all(e.id.startswith(f"tag:{TAG_ENTITY}:change/") for e in feed.entries)
    shas = repo.git("log", "--format=%H").split()
    assert not any(sha[:7] in e.id for e in feed.entries for sha in shas)
    correction = feed.entries[0]
    assert correction.title == "Corrected: Acme Api · HIPAA BAA: No public evidence → Yes, public"
    assert "\\" not in "".join(e.content[0].value + e.title for e in feed.entries)
    assert all(link.href.startswith(("https://acme.example", BASE_URL)) for link in correction.links)
    assert feed.feed.links[0].href == f"{BASE_URL}/changes.atom"
    bolt = next(e for e in feed.entries if e.title == "Added: Bolt Api")
    assert f"2 drafts ({DRAFT_NOTE})" in bolt.content[0].value
    one = feedparser.parse((dist / "changes" / "acme-api.atom").read_bytes())
    assert not one.bozo and {e.id for e in one.entries} <= {e.id for e in feed.entries}
    assert len(one.entries) == 2 and one.feed.links[0].href == f"{BASE_URL}/changes/acme-api.atom"
    ids = [e.id for e in feed.entries]
    repo.git("commit", "-q", "--amend", "-m", "Correct Acme HIPAA BAA (reworded)")  # a new hash
    assert [e.id for e in feedparser.parse((build(published, capsys) / "changes.atom")
                                           .read_bytes()).entries] == ids


def test_without_tag_entity_ids_are_name_based_uuids(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry(tmp_path / "r")
    Repo(root).commit("Add")
    feed = feedparser.parse((build(root, capsys) / "changes.atom").read_bytes())
    assert not feed.bozo and feed.feed.id.startswith("urn:uuid:")
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)


def test_a_draft_verified_live_is_reported_in_atom_and_changelog(
        published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = Repo(published)
    write_offering(published, verified_live(BOLT, "soc2_type2"))
    repo.commit("Verify Bolt SOC 2 live")
    feed = feedparser.parse((build(published, capsys) / "changes.atom").read_bytes())
    entry = feed.entries[0]
    assert entry.title == "Verified live: Bolt Api · SOC 2 Type II: No public evidence"
    assert "verified against the live pages on 2026-11-20" in entry.content[0].value
    assert {"verified-live", "soc2_type2"} <= {t.term for t in entry.tags}
    assert cli.main(["--root", str(published), "changelog"]) == 0
    capsys.readouterr()
    text = (published / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "### Verified live" in text
    assert "Bolt Api · SOC 2 Type II: No public evidence, graded from copies of the cited pages, " \
           "verified live on 2026-11-20." in text
    assert "re-verified" not in text


def test_a_format_migration_is_no_change_of_sources(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry(tmp_path / "r", offerings=())
    repo = Repo(root)
    old = json.loads(json.dumps(ACME))
    del old["format"]
    for cell in old["cells"].values():
        for source in cell["sources"]:
            del source["kind"]  # format 1 had no source kinds
    (root / "offerings" / "acme-api.yaml").write_text(json.dumps(old), encoding="utf-8")
    repo.commit("Add Acme in format 1")
    write_offering(root, ACME)
    repo.commit("trustreg fix: format 2")
    assert cli.main(["--root", str(root), "changelog"]) == 0
    capsys.readouterr()
    text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Acme Api (`acme-api`): 11 cells, 11 watch-outs." in text
    assert "changed" not in text.split("### Added", 1)[1]


@pytest.mark.parametrize("epoch", ["0", "1", "253402300799"])
def test_any_date_from_1970_to_9999_builds_a_valid_feed(published: Path, epoch: str,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    dist = build(published, capsys)
    assert not feedparser.parse((dist / "changes.atom").read_bytes()).bozo
    assert read(dist / "data.json")["generated_from"] == "SOURCE_DATE_EPOCH"


@pytest.mark.parametrize("epoch", ["253402300800", "9" * 30, "-1", "1e9", "١٢"])
def test_a_date_past_9999_or_not_a_number_is_a_one_line_error(
        synthetic: Path, epoch: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert cli.main(["--root", str(synthetic), "build"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "SOURCE_DATE_EPOCH" in err
    assert not (synthetic / "dist").exists()


def test_an_empty_registry_outside_git_builds_a_valid_feed(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = make_registry(tmp_path / "empty", offerings=())
    dist = build(root, capsys)
    feed = read(dist / "data.json")
    assert (feed["generated"], feed["offerings"]) == ("2026-11-24", [])  # TRUSTREG_TODAY
    assert feed["generated_from"].startswith("today")
    assert not feedparser.parse((dist / "changes.atom").read_bytes()).bozo


def test_a_format_1_file_with_odd_values_does_not_stop_the_changelog(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry(tmp_path / "r", offerings=())
    repo = Repo(root)
    old = json.loads(json.dumps(ACME))
    del old["format"]
    for cell in old["cells"].values():
        for source in cell["sources"]:
            del source["kind"]
    old["cells"]["soc2_type2"]["sources"][0]["quote"] = ["a", "list"]  # schema-invalid history
    (root / "offerings" / "acme-api.yaml").write_text(json.dumps(old), encoding="utf-8")
    repo.commit("Add Acme in format 1")
    write_offering(root, ACME)
    repo.commit("trustreg fix: format 2")
    assert cli.main(["--root", str(root), "changelog"]) == 0
    changed = (root / "CHANGELOG.md").read_text(encoding="utf-8").split("### Changed", 1)[1]
    assert [line for line in changed.splitlines() if line.startswith("- ")] == [
        "- Acme Api · SOC 2 Type II: sources changed. Credit: Alice Example."]  # the quote did


def test_a_commit_dated_past_9999_is_reported_and_the_build_goes_on(
        synthetic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """History cannot be rewritten on main: the build says which commit has no usable date."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = Repo(synthetic)
    monkeypatch.setitem(ENV, "GIT_COMMITTER_DATE", "@253402300800 +0000")  # 10000-01-01
    monkeypatch.setitem(ENV, "GIT_AUTHOR_DATE", "@253402300800 +0000")
    sha = repo.commit("Dated in the year 10000")
    assert cli.main(["--root", str(synthetic), "build"]) == 0
    err = capsys.readouterr().err
    assert f"warning: commit {sha[:10]} has no committer date up to 9999" in err
    assert read(synthetic / "dist" / "data.json")["generated_from"] != f"commit {sha}"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the build date, but history still has the commit
    assert cli.main(["--root", str(synthetic), "build"]) == 0
    assert f"warning: commit {sha[:10]} has no readable committer date" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["http://registry.example.org", "https://registry.example.org/",
                                 "https://registry.example.org/?x=1"])
def test_base_url_is_https_without_a_trailing_slash(tmp_path: Path, url: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry(tmp_path / "r", extra_meta=f"base_url: '{url}'\n")
    assert cli.main(["--root", str(root), "check"]) == 1
    assert "registry.yaml:7:" in capsys.readouterr().out
    assert not (root / "dist").exists()

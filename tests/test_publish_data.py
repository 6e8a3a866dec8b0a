"""Honest dates, every source, per-offering records and schemas generated from the vocabulary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from trustreg import cli, loader
from trustreg.fmt import dump

from .gitrepo import Repo

BIN = Path(sys.executable).parent
OFFERING = "offerings/synthetic-api.yaml"


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli.main(["--root", str(root), "build"]) == 0
    capsys.readouterr()
    return root / "dist"


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def edit_offering(root: Path, change) -> None:
    path = root / OFFERING
    data = loader.load(path).data
    change(data)
    path.write_text(dump(data), encoding="utf-8")


@pytest.fixture
def repo(registry: Path) -> Repo:
    repo = Repo(registry)  # commits dated 2026-11-01 (tests/gitrepo.py)
    repo.commit("Add the registry")
    return repo


def test_generated_is_the_commit_date_and_records_carry_modified(
        repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    dist = build(repo.root, capsys)
    feed = read(dist / "data.json")
    sha = repo.git("rev-parse", "HEAD").strip()
    assert (feed["generated"], feed["generated_from"]) == ("2026-11-01", f"commit {sha}")
    assert read(dist / "datapackage.json")["version"] == "2026-11-01"
    record = read(dist / "api/v1/offerings/synthetic-api.json")
    assert (record["modified"], record["modified_commit"]) == ("2026-11-01T12:00:00Z", sha)
    assert record["$schema"] == "../schemas/offering.schema.json"
    index = read(dist / "api/v1/offerings.json")
    assert index["offerings"][0]["path"] == "offerings/synthetic-api.json"
    assert index["offerings"][0]["modified"] == "2026-11-01T12:00:00Z"


def test_source_date_epoch_wins_and_flags_stale_cells(
        repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01: 180 days after 2026-07-05
    feed = read(build(repo.root, capsys) / "data.json")
    assert (feed["generated"], feed["generated_from"]) == ("2027-01-01", "SOURCE_DATE_EPOCH")
    synthetic = feed["offerings"][0]
    assert synthetic["stale_cells"] == [] and not synthetic["dimensions"]["soc2_type2"]["stale"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798848000")  # 2027-01-02: 181 days
    synthetic = read(build(repo.root, capsys) / "data.json")["offerings"][0]
    assert len(synthetic["stale_cells"]) == 11 and synthetic["dimensions"]["soc2_type2"]["stale"]


def test_bad_source_date_epoch_is_a_usage_error(registry: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert cli.main(["--root", str(registry), "build"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "SOURCE_DATE_EPOCH" in err
    assert not (registry / "dist").exists()


def test_outside_git_modified_is_null_with_a_reason(registry: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(registry, capsys)
    record = read(dist / "api/v1/offerings/synthetic-api.json")
    assert record["modified"] is None and record["modified_note"] == "built outside a git checkout"
    assert read(dist / "data.json")["generated_from"] == "newest verified date"


def test_every_source_is_carried_and_source_names_the_newest_primary(
        registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newer = {"url": "https://vendor.example/security/soc2", "title": "Synthetic newer page",
             "kind": "documentation", "role": "primary", "retrieved": "2026-07-06"}
    def add(data: dict) -> None:
        data["cells"]["soc2_type2"]["sources"].append(newer)
        data["cells"]["soc2_type2"]["verified"] = "2026-07-06"

    edit_offering(registry, add)
    dist = build(registry, capsys)
    soc2 = read(dist / "data.json")["offerings"][0]["dimensions"]["soc2_type2"]
    assert soc2["source"] == "https://vendor.example/security/soc2"
    assert soc2["sources"][-1]["title"] == "Synthetic newer page"
    assert len(soc2["sources"]) >= 2
    import csv
    with (dist / "offerings.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["dimension"] == "soc2_type2")
    assert row["source"] == "https://vendor.example/security/soc2"
    assert [s["url"] for s in json.loads(row["sources"])] == [s["url"] for s in soc2["sources"]]


def test_check_jsonschema_accepts_the_records(registry: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(registry, capsys)
    for schema, files in (("api-offering", sorted((dist / "api/v1/offerings").glob("*.json"))),
                          ("api-offerings", [dist / "api/v1/offerings.json"]),
                          ("data", [dist / "data.json"])):
        result = subprocess.run([BIN / "check-jsonschema", "--schemafile",
                                 registry / "schema" / f"{schema}.schema.json", *files],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout
    published = {p.name: p.read_text(encoding="utf-8") for p in (dist / "api/v1/schemas").iterdir()}
    assert published["data.schema.json"] == (registry / "schema/data.schema.json").read_text(
        encoding="utf-8")


def test_a_new_grade_needs_no_code(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vocab = registry / "schema" / "vocabulary.yaml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace(
        "confidence: [high", "  - id: synthetic_grade\n    label: Synthetic grade\n"
        "    glyph: \"×\"\n    meaning: A grade added by a test.\n    evidence: primary\n"
        "confidence: [high"),
        encoding="utf-8")
    edit_offering(registry, lambda d: d["cells"]["soc2_type2"].update(status="synthetic_grade"))
    assert cli.main(["--root", str(registry), "schema"]) == 0
    assert cli.main(["--root", str(registry), "reference"]) == 0
    assert cli.main(["--root", str(registry), "check"]) == 0
    dist = build(registry, capsys)
    soc2 = read(dist / "data.json")["offerings"][0]["dimensions"]["soc2_type2"]
    assert soc2["value"] == "synthetic_grade"
    assert "Synthetic grade" in (dist / "site/offerings/synthetic-api.html").read_text(encoding="utf-8")

"""`trustreg build`: the feed, the CSV and datapackage, reproducibility and refusal on errors."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from trustreg import cli

BIN = Path(sys.executable).parent


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli.main(["--root", str(root), "build"]) == 0
    capsys.readouterr()
    return root / "dist"


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_feed_has_the_published_shape(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = json.loads((build(registry, capsys) / "data.json").read_text(encoding="utf-8"))
    assert feed["name"] == "AI Provider Trust Registry"
    assert feed["schema_version"] == 2
    assert feed["generated"] == "2026-07-05"
    assert feed["disclaimer"] == "Evidence index, not a legal determination."
    assert feed["license"] == "CC-BY-4.0"
    assert len(feed["dimensions"]) == 11
    cohere = feed["offerings"][0]
    assert (cohere["id"], cohere["developer"], cohere["platform"]) == ("cohere-api", "Cohere", "Cohere")
    assert len(cohere["watch_outs"]) == 7
    soc2 = cohere["dimensions"]["soc2_type2"]
    assert soc2["value"] == "yes_sales_gated"
    assert soc2["source"] == "https://trustcenter.cohere.com"
    assert soc2["confidence"] == "high" and soc2["verified"] == "2026-07-05"
    assert soc2["facts"] == {"audit_cadence": "annual"}
    art53 = cohere["dimensions"]["art53_summary"]
    assert art53["source"] is None and art53["archived"] is None


def test_third_party_tools_accept_the_outputs(registry: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    dist = build(registry, capsys)
    schema = registry / "schema" / "data.schema.json"
    jsonschema = subprocess.run([BIN / "check-jsonschema", "--schemafile", schema,
                                 dist / "data.json"], capture_output=True, text=True, timeout=120)
    assert jsonschema.returncode == 0, jsonschema.stdout
    package = subprocess.run([BIN / "frictionless", "validate", "datapackage.json"], cwd=dist,
                             capture_output=True, text=True, timeout=300)
    assert package.returncode == 0, package.stdout + package.stderr


def test_csv_is_tidy(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (build(registry, capsys) / "offerings.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 11
    assert len({(r["offering_id"], r["dimension"]) for r in rows}) == 11
    hipaa = next(r for r in rows if r["dimension"] == "hipaa_baa")
    assert (hipaa["value"], hipaa["watch_out"]) == ("no_public_evidence", "true")
    assert json.loads(next(r for r in rows if r["dimension"] == "retention_zdr")["facts"]) == {
        "retention_days": 30}


def test_build_twice_gives_identical_bytes(registry: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    first = digest(build(registry, capsys))
    copy = registry.parent / "copy"
    shutil.copytree(registry, copy)
    shutil.rmtree(copy / "dist")
    assert digest(build(copy, capsys)) == first
    assert digest(build(registry, capsys)) == first
    assert {"data.json", "offerings.csv", "datapackage.json", "site/index.html",
            "site/offerings/cohere-api.html", "site/questions/hipaa_baa.html"} <= set(first)


def test_errors_stop_the_build_and_keep_the_old_dist(registry: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(build(registry, capsys))
    offering = registry / "offerings" / "cohere-api.yaml"
    offering.write_text(offering.read_text(encoding="utf-8").replace("status: partial",
                                                                     "status: partal", 1),
                        encoding="utf-8")
    assert cli.main(["--root", str(registry), "build"]) == 1
    out, err = capsys.readouterr()
    assert "TR100" in out and "nothing was written" in err
    assert digest(registry / "dist") == before
    assert sorted(p.name for p in registry.iterdir() if p.name.startswith(".dist")) == []

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
    assert (feed["schema_version"], feed["schema_minor"]) == (1, 2)
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


def test_release_notes_are_the_tag_section() -> None:
    from trustreg.publish.release_notes import main, release_notes

    text = ("# Changelog\n\n## [Unreleased]\n\n- later\n\n## [2026.12.01] - 2026-12-01\n\n"
            "### Corrected\n\n- Cohere API · HIPAA BAA\n\n## [2026.07.05] - 2026-07-05\n\n- first\n")
    assert release_notes(text, "2026.12.01") == "### Corrected\n\n- Cohere API · HIPAA BAA\n"
    assert release_notes(text, "2026.07.05") == "- first\n"
    with pytest.raises(ValueError, match=r"no section for release 2027\.01\.01"):
        release_notes(text, "2027.01.01")
    assert main([]) == 2


def test_workflows_build_and_publish() -> None:
    import yaml

    from .conftest import REPO

    release = yaml.safe_load((REPO / ".github/workflows/release.yml").read_text(encoding="utf-8"))
    steps = " ".join(s.get("run", "") for s in release["jobs"]["release"]["steps"])
    assert release[True]["push"]["tags"] == ["[0-9][0-9][0-9][0-9].[0-9][0-9].[0-9][0-9]"]
    assert "SOURCE_DATE_EPOCH" in steps and "trustreg build" in steps
    assert "trustreg.publish.release_notes" in steps and "gh release create" in steps
    pages = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    uses = [s.get("uses", "") for job in pages["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b""
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("out", [".", "..", "/", "offerings", "schema/new", "notes.txt", "home",
                                 "link", "old-dist"])
def test_build_never_replaces_what_it_did_not_make(registry: Path, out: str,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (registry / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (registry / "home").mkdir()
    (registry / "home" / "thesis.txt").write_text("years of work\n", encoding="utf-8")
    (registry / "link").symlink_to(registry / "home")
    (registry / "old-dist").mkdir()  # like a dist/ from before builds left their marker
    (registry / "old-dist" / "data.json").write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(registry)
    before = snapshot(registry.parent)
    assert cli.main(["--root", str(registry), "build", "--out", out]) == 2
    out_text, err = capsys.readouterr()
    assert out_text == "" and err.startswith(f"trustreg build: --out {out} ") and err.count("\n") == 1
    assert snapshot(registry.parent) == before


def test_build_replaces_only_its_own_folder(registry: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = registry.parent / "site-out"
    out.mkdir()  # empty: may be used
    assert cli.main(["--root", str(registry), "build", "--out", str(out)]) == 0
    assert (out / ".trustreg-build").is_file() and (out / "data.json").is_file()
    (out / "screenshot.png").write_bytes(b"made by hand")
    assert cli.main(["--root", str(registry), "build", "--out", str(out)]) == 0
    assert not (out / "screenshot.png").exists()  # the folder is the build's own: replaced whole
    assert sorted(p.name for p in registry.parent.iterdir()) == ["registry", "site-out"]
    capsys.readouterr()


FORMULAS = {"offering name": "=HYPERLINK(\"https://evil.example\",\"Click\")",
            "organisation name": "+cmd|' /C calc'!A0", "caveat": "-2+3+cmd|' /C calc'!A0",
            "evidence": "@SUM(1+1)*cmd|' /C calc'!A0", "geography": "＝1+1"}


def test_csv_cells_never_start_a_formula(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from trustreg.fmt import dump
    from trustreg.loader import load

    path = registry / "offerings" / "cohere-api.yaml"
    data = load(path).data
    data["name"] = FORMULAS["offering name"]
    cell = data["cells"]["data_residency"]
    cell.update(caveat=FORMULAS["caveat"], evidence=FORMULAS["evidence"],
                geography=FORMULAS["geography"])
    path.write_text(dump(data), encoding="utf-8")
    organisation = registry / "organisations" / "cohere.yaml"
    organisation.write_text(dump({**load(organisation).data, "name": FORMULAS["organisation name"]}),
                            encoding="utf-8")
    dist = build(registry, capsys)
    with (dist / "offerings.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    residency = next(r for r in rows if r["dimension"] == "data_residency")
    for column, text in (("offering_name", "offering name"), ("developer", "organisation name"),
                         ("caveat", "caveat"), ("evidence", "evidence"), ("geography", "geography")):
        assert residency[column] == "'" + FORMULAS[text], column
    starts = {value[:1] for row in rows for value in row.values()}
    assert not starts & {"=", "+", "-", "@", "\t", "\r", "＝"}
    package = subprocess.run([BIN / "frictionless", "validate", "datapackage.json"], cwd=dist,
                             capture_output=True, text=True, timeout=300)
    assert package.returncode == 0, package.stdout + package.stderr


@pytest.mark.parametrize(("text", "shown"), [("\tx", "'\tx"), ("\rx", "'\rx"), ("=1", "'=1"),
                                             ("a=1", "a=1"), ("'=1", "'=1"), ("", "")])
def test_inert_prefixes_only_a_leading_formula_character(text: str, shown: str) -> None:
    from trustreg.publish.tabular import inert

    assert inert(text) == shown

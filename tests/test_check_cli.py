"""`trustreg check` as a command: formats, selection, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from trustreg import cli


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["--root", str(root), "check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _break(root: Path) -> None:
    path = root / "offerings" / "synthetic-api.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    caveat: DPA requires NDA; subprocessors listed.\n", ""), encoding="utf-8")


def test_json_format(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _break(registry)
    status, out, _ = run(registry, capsys, "--format", "json")
    findings = json.loads(out)
    assert status == 1
    assert [(f["code"], f["path"], f["severity"]) for f in findings] == [
        ("TR104", "offerings/synthetic-api.yaml", "error")]
    assert findings[0]["line"] > 1 and findings[0]["col"] > 1


def test_github_format(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _break(registry)
    status, out, _ = run(registry, capsys, "--format", "github")
    assert status == 1
    assert out.startswith("::error file=offerings/synthetic-api.yaml,line=")
    assert ",title=TR104::caveat is required" in out


def test_success_prints_one_summary_line_to_stderr(registry: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run(registry, capsys) == (0, "", "checked 1 offering and 2 organisations: no findings\n")
    status, out, err = run(registry, capsys, "--stale-days", "30")
    assert status == 0 and out.count(" TR113 ") == 11
    assert err == "checked 1 offering and 2 organisations: no errors, 11 warnings\n"
    for form in ("json", "github"):  # stdout stays machine-readable
        status, out, err = run(registry, capsys, "--format", form, "--stale-days", "30")
        assert status == 0 and "checked" not in out and err.startswith("checked 1 offering")
    assert len(json.loads(run(registry, capsys, "--format", "json", "--stale-days", "30")[1])) == 11
    _break(registry)
    assert run(registry, capsys)[2] == ""  # no summary beside errors


def test_ignore_and_select(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _break(registry)
    assert run(registry, capsys, "--ignore", "TR104")[0] == 0
    assert run(registry, capsys, "--select", "TR1,TR0")[0] == 1
    assert run(registry, capsys, "--select", "TR105")[0] == 0


@pytest.mark.parametrize("args", [["--select", "XX9"], ["--stale-days", "-1"],
                                  ["offerings/nope.yaml"]])
def test_usage_errors_exit_2(registry: Path, capsys: pytest.CaptureFixture[str],
                             args: list[str]) -> None:
    status, out, err = run(registry, capsys, *args)
    assert status == 2
    assert out == "" and err.startswith("trustreg check: ")


def test_paths_limit_the_report(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _break(registry)
    assert run(registry, capsys, str(registry / "organisations" / "synthetic-vendor.yaml"))[0] == 0
    status, out, _ = run(registry, capsys, str(registry / "offerings" / "synthetic-api.yaml"))
    assert status == 1
    assert out.startswith("offerings/synthetic-api.yaml:")


@pytest.mark.parametrize("folder", ["offerings", "offerings/", ".", "offerings/../offerings"])
def test_a_folder_reports_the_files_in_it(registry: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    _break(registry)
    monkeypatch.chdir(registry)
    status, out, _ = run(registry, capsys, folder)
    assert status == 1 and out.startswith("offerings/synthetic-api.yaml:") and " TR104 " in out
    assert run(registry, capsys, "organisations")[0] == 0


@pytest.mark.parametrize("name", ["notes.txt", "schema/../LICENSE", "tests-folder"])
def test_a_path_that_is_no_registry_file_is_a_usage_error(
        registry: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        name: str) -> None:
    _break(registry)
    monkeypatch.chdir(registry)
    (registry / "notes.txt").write_text("notes\n", encoding="utf-8")
    (registry / "LICENSE").write_text("licence\n", encoding="utf-8")
    (registry / "tests-folder").mkdir()
    (registry / "tests-folder" / "draft.yaml").write_text("id: x\n", encoding="utf-8")
    status, out, err = run(registry, capsys, name)
    assert (status, out) == (2, "")
    assert err.startswith(f"trustreg check: {name} ") and err.count("\n") == 1


def test_misplaced_data_files_are_reported_by_path(registry: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    text = (registry / "offerings" / "synthetic-api.yaml").read_bytes()
    (registry / "offerings" / "x.YAML").write_bytes(text)
    (registry / "offerings" / "sub").mkdir()
    (registry / "offerings" / "sub" / "x.yaml").write_bytes(text)
    status, out, _ = run(registry, capsys, str(registry / "offerings" / "x.YAML"))
    assert status == 1 and out.startswith("offerings/x.YAML:1:1: TR120 ") and out.count("\n") == 1
    status, out, _ = run(registry, capsys, str(registry / "offerings" / "sub"))
    assert status == 1 and out.startswith("offerings/sub/x.yaml:1:1: TR120 ") and out.count("\n") == 1


def test_list_rules_names_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--list-rules"]) == 0
    out = capsys.readouterr().out
    for code in ("TR001", "TR100", "TR104", "TR111", "TR112", "TR113"):
        assert f"\n{code} " in "\n" + out


def test_outside_a_registry_is_a_usage_error(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(tmp_path), "check"]) == 2
    assert "no registry.yaml here or above" in capsys.readouterr().err


def test_console_script_runs_as_module(registry: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "trustreg", "--root", str(registry), "check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def _three_mistakes(root: Path, *, top_level: bool = False) -> None:
    path = root / "offerings" / "synthetic-api.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: yes_sales_gated\n    caveat: Report access",
                        "status: yes_maybe\n    caveat: Report access", 1)
    text = text.replace("    caveat: DPA requires NDA; subprocessors listed.\n", "")
    text = text.replace("https://docs.vendor.example/docs/synthetic-command-x", "http://docs.vendor.example/docs/synthetic-command-x")
    if top_level:
        text = text.replace("category: first_party", "category: somewhere")
    path.write_text(text, encoding="utf-8")


def test_one_run_reports_independent_mistakes_in_three_cells(
        registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _three_mistakes(registry)
    status, out, _ = run(registry, capsys, "--no-cache")
    lines = out.splitlines()
    assert status == 1
    assert [line.split(" ")[1] for line in lines] == ["TR100", "TR104", "TR107"], lines
    assert "cells.soc2_type2.status has value 'yes_maybe'" in lines[0]
    assert "http://docs.vendor.example" in lines[2]


def test_a_cell_with_a_schema_error_gets_no_rules_of_its_own(
        registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = registry / "offerings" / "synthetic-api.yaml"
    text = path.read_text(encoding="utf-8")
    # the same cell: an unknown grade and no caveat; the rules would assume its shape
    path.write_text(text.replace("status: yes_sales_gated\n    caveat: Report access requires a signed "
                                 "mutual NDA.\n", "status: yes_maybe\n", 1), encoding="utf-8")
    status, out, _ = run(registry, capsys, "--no-cache")
    assert status == 1
    assert [line.split(" ")[1] for line in out.splitlines()] == ["TR100"]


def test_an_error_outside_cells_still_stops_the_rules(registry: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    _three_mistakes(registry, top_level=True)
    status, out, _ = run(registry, capsys, "--no-cache")
    assert status == 1
    assert {line.split(" ")[1] for line in out.splitlines()} == {"TR100"}

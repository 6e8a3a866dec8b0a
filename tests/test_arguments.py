"""Odd arguments and settings on every command: a one-line usage error (exit 2), no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli

READERS = [["check"], ["build", "--out", "out"], ["show", "synthetic-api"],
           ["compare", "synthetic-api", "synthetic-api"], ["query"], ["stale"], ["links"]]


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return status, out, err


def one_line_usage_error(result: tuple[int, str, str], command: str) -> str:
    status, out, err = result
    assert (status, out) == (2, ""), err
    assert err.startswith(f"trustreg {command}: ") and err.count("\n") == 1
    assert err[:-1].isprintable() and len(err) < 400  # escaped and bounded
    return err


@pytest.mark.parametrize("value", ["tomorrow", "0000-01-01", "2026-02-30", "20261124", "2026-W48-1",
                                   "2026-11-24\n", "٢٠٢٦-١١-٢٤", "x" * 5000])
@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_an_invalid_today_is_a_usage_error(registry: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch, args: list[str],
                                           value: str) -> None:
    monkeypatch.setenv("TRUSTREG_TODAY", value)
    err = one_line_usage_error(run(registry, capsys, *args), args[0])
    assert "TRUSTREG_TODAY must be a date as YYYY-MM-DD" in err
    assert not (registry / "out").exists()


@pytest.mark.parametrize("args", [["--timeout", "nan"], ["--timeout", "inf"], ["--timeout", "-1"],
                                  ["--timeout", "0"], ["--timeout", "1e400"], ["--workers", "0"],
                                  ["--workers", "1000000000"]])
def test_links_refuses_odd_limits(registry: Path, capsys: pytest.CaptureFixture[str],
                                  args: list[str]) -> None:
    one_line_usage_error(run(registry, capsys, "links", *args), "links")


def test_links_reports_the_findings_of_a_broken_registry(registry: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = registry / "offerings" / "synthetic-api.yaml"  # checked before any request is made
    path.write_text(path.read_text(encoding="utf-8").replace("status: partial", "status: partal", 1),
                    encoding="utf-8")
    status, out, err = run(registry, capsys, "links")
    assert status == 1
    assert out.startswith("offerings/synthetic-api.yaml:") and " TR100 " in out
    assert err == "trustreg links: the registry has errors; no link was checked\n"


@pytest.mark.parametrize(("args", "command"), [
    (["show", "a\x1b[2Jb"], "show"), (["show", "x" * 100_000], "show"),
    (["compare", "synthetic-api", "\u202eevil"], "compare"),
    (["check", "--select", "\x07" * 1000], "check"), (["check", "new\nline.txt"], "check"),
    (["fix", "\x1b]0;title\x07.yaml"], "fix"), (["check", "--root", "\x1b[31m"], "check"),
    (["check", "a" * 5000], "check"), (["check", "a" * 5000 + "/x.yaml"], "check"),
    (["fix", "a" * 5000], "fix"), (["build", "--out", "a" * 5000], "build"),
    (["build", "--out", "/tmp/" + "a" * 5000 + "/x"], "build"), (["check", "--root", "a" * 5000], "check"),
])
def test_control_characters_and_floods_are_escaped(registry: Path, capsys: pytest.CaptureFixture[str],
                                                   args: list[str], command: str) -> None:
    if "--root" in args:
        result = cli.main(["--root", args[2], command]), *capsys.readouterr()
    else:
        result = run(registry, capsys, *args)
    one_line_usage_error(result, command)


@pytest.mark.parametrize("option", [["--timeout", "nan"], ["--timeout", "inf"], ["--delay", "nan"],
                                    ["--delay", "-1"], ["--max-mb", "inf"], ["--max-mb", "nan"],
                                    ["--workers", "1000000000"]])
@pytest.mark.parametrize("command", [["watch"], ["cite", "synthetic-api", "soc2_type2",
                                                  "https://trust.vendor.example"]], ids=["watch", "cite"])
def test_network_commands_refuse_odd_limits(registry: Path, capsys: pytest.CaptureFixture[str],
                                            command: list[str], option: list[str]) -> None:
    one_line_usage_error(run(registry, capsys, *command, *option), command[0])  # before any request


def test_review_writes_only_offering_files(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = registry / "outside.yaml"
    outside.write_bytes((registry / "offerings" / "synthetic-api.yaml").read_bytes())
    before = outside.read_bytes()
    result = run(registry, capsys, "review", "../outside", "soc2_type2", "--dismiss", "n", "--by", "Ada")
    one_line_usage_error(result, "review")
    assert outside.read_bytes() == before


def test_review_keeps_a_file_with_comments_untouched(registry: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = registry / "offerings" / "synthetic-api.yaml"
    path.write_text("# keep me\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_bytes()
    status, out, err = run(registry, capsys, "review", "synthetic-api", "soc2_type2", "--dismiss", "n",
                           "--by", "Ada")
    assert (status, out) == (1, "")
    assert err.startswith("offerings/synthetic-api.yaml:1:1: TR112 comment would be lost")
    assert path.read_bytes() == before

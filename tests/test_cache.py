"""The per-file result cache changes speed, never findings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from trustreg import cli


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRUSTREG_CACHE_DIR", str(tmp_path / "cache"))


def check(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = cli.main(["--root", str(root), "check", "--stale-days", "30", *args])
    return status, capsys.readouterr().out


def entries() -> list[Path]:
    return sorted(Path(os.environ["TRUSTREG_CACHE_DIR"]).rglob("*.json"))


def test_findings_are_the_same_cold_warm_and_uncached(registry: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    uncached = check(registry, capsys, "--no-cache")
    assert uncached[0] == 0 and uncached[1].count("TR113") == 11
    assert entries() == []
    assert check(registry, capsys) == uncached
    assert len(entries()) == 3  # two organisations and one offering
    assert check(registry, capsys) == uncached


def test_broken_entries_are_misses(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = check(registry, capsys, "--no-cache")
    check(registry, capsys)
    for entry in entries():
        entry.write_bytes(b"\x80\x04\x95 not json at all")
    assert check(registry, capsys) == expected


def test_a_changed_file_is_checked_again(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check(registry, capsys)
    path = registry / "offerings" / "cohere-api.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: partial", "status: partal", 1),
                    encoding="utf-8")
    status, out = check(registry, capsys)
    assert status == 1 and " TR100 " in out

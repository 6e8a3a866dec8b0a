"""The per-file result cache changes speed, never findings."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from trustreg import cache, cli
from trustreg.cache import ResultCache
from trustreg.checker import Checker, Result, files
from trustreg.checker.files import FileChecker
from trustreg.workspace import excerpt_files, offering_files, organisation_files


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRUSTREG_CACHE_DIR", str(tmp_path / "cache"))


def check(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = cli.main(["--root", str(root), "check", "--stale-days", "30", *args])
    return status, capsys.readouterr().out


def data_files(root: Path) -> int:
    """How many files a run checks one by one (the cache holds one entry each)."""
    return len(organisation_files(root)) + len(offering_files(root)) + len(excerpt_files(root))


def entries() -> list[Path]:
    return sorted(Path(os.environ["TRUSTREG_CACHE_DIR"]).rglob("*.json"))


def test_findings_are_the_same_cold_warm_and_uncached(registry: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    uncached = check(registry, capsys, "--no-cache")
    assert uncached[0] == 0 and uncached[1].count("TR113") == 11
    assert entries() == []
    assert check(registry, capsys) == uncached
    assert len(entries()) == data_files(registry)  # the organisations and the offering
    assert check(registry, capsys) == uncached


def test_broken_entries_are_misses(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = check(registry, capsys, "--no-cache")
    check(registry, capsys)
    for entry in entries():
        entry.write_bytes(b"\x80\x04\x95 not json at all")
    assert check(registry, capsys) == expected


def test_a_changed_file_is_checked_again(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check(registry, capsys)
    path = registry / "offerings" / "synthetic-api.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: partial", "status: partal", 1),
                    encoding="utf-8")
    status, out = check(registry, capsys)
    assert status == 1 and " TR100 " in out


@pytest.mark.parametrize("entry", [
    b"[]",
    b'{"path": "x", "data": {}, "findings": []}',
    b'{"path": "offerings/synthetic-api.yaml", "data": [], "findings": []}',
    b'{"data": {}, "findings": []}',
    b'{"path": "offerings/synthetic-api.yaml", "data": {}, "findings": [{"path": "x", "line": "1", '
    b'"col": 1, "code": "TR113", "message": "m", "hint": "", "severity": "warning"}]}',
    b'{"path": "offerings/synthetic-api.yaml", "data": {}, "findings": [{"line": 1}]}',
])
def test_entries_of_the_wrong_shape_are_misses(registry: Path, capsys: pytest.CaptureFixture[str],
                                              entry: bytes) -> None:
    expected = check(registry, capsys, "--no-cache")
    check(registry, capsys)
    for path in entries():
        path.write_bytes(entry)
    assert check(registry, capsys) == expected


def test_pruning_leaves_other_folders_alone(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(os.environ["TRUSTREG_CACHE_DIR"])
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "keep.txt").write_text("mine", encoding="utf-8")
    check(registry, capsys)
    first = {p.parent for p in entries()}
    check(registry, capsys, "--stale-days", "40")  # another fingerprint: the first folder goes
    assert {p.parent for p in entries()}.isdisjoint(first) and entries()
    assert (root / "notes" / "keep.txt").read_text(encoding="utf-8") == "mine"


def documents(result: Result) -> list[tuple]:
    return [(d.path, d.text, d.data, d.marks, d.key_marks)
            for kind in ("organisation", "offering") for d in result.valid(kind)]


def test_pool_cache_and_plain_runs_agree(registry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Serial or on two processes, without, cold and warm cache: the same findings and documents."""
    text = (registry / "offerings" / "synthetic-api.yaml").read_text(encoding="utf-8")
    for i in range(5):
        (registry / "offerings" / f"copy-{i}.yaml").write_text(
            text.replace("id: synthetic-api", f"id: copy-{i}", 1), encoding="utf-8")
    checked: list[Path] = []
    original = FileChecker.findings
    monkeypatch.setattr(FileChecker, "findings",
                        lambda self, file, *args: checked.append(file) or original(self, file, *args))
    runs = []
    for parallel_from in (10**6, 2):
        monkeypatch.setattr(files, "PARALLEL_FROM", parallel_from)
        for use_cache in (False, True, True):  # none, cold, warm
            checked.clear()
            result = Checker(registry, stale_days=30, use_cache=use_cache).run()
            runs.append((result.findings, documents(result)))
        assert checked == [], "the warm run read every result from the cache"
        shutil.rmtree(os.environ["TRUSTREG_CACHE_DIR"])
    assert len(runs[0][0]) == 6 * 11 and len(runs[0][1]) == data_files(registry)
    assert all(run == runs[0] for run in runs)


def plant(entry: Path, data: dict | None = None, findings: list | None = None,
          mac: bytes = b"0" * 64) -> None:
    """Rewrite an entry as an attacker without the key would: any payload, any MAC."""
    payload = json.loads(entry.read_bytes().partition(b"\n")[2])
    if data is not None:
        payload["data"] = data
    if findings is not None:
        payload["findings"] = findings
    entry.write_bytes(mac + b"\n" + json.dumps(payload).encode())


def test_a_planted_entry_cannot_pass_an_invalid_file(registry: Path, capsys) -> None:
    check(registry, capsys)
    path = registry / "offerings" / "synthetic-api.yaml"
    good = path.read_text(encoding="utf-8")
    bad = good.replace("status: partial", "status: partal", 1)
    path.write_text(bad, encoding="utf-8")
    expected = check(registry, capsys, "--no-cache")
    assert expected[0] == 1 and " TR100 " in expected[1]
    original = next(e for e in entries() if b'"offerings/synthetic-api.yaml"' in e.read_bytes())
    key = ResultCache.key("offerings/synthetic-api.yaml", bad)
    forged = original.with_name(f"{key}.json")
    shutil.copyfile(original, forged)  # a genuine MAC, for another text
    assert check(registry, capsys) == expected
    for mac in (b"", original.read_bytes().partition(b"\n")[0], b"f" * 64):
        plant(forged, findings=[], mac=mac)
        assert check(registry, capsys) == expected


def test_a_planted_entry_cannot_change_data_nor_add_a_domain(registry: Path) -> None:
    Checker(registry, stale_days=30, use_cache=True).run()
    for entry in entries():
        data = json.loads(entry.read_bytes().partition(b"\n")[2])["data"]
        extra = ["evil.example"] if data["id"] == "synthetic-vendor" else []
        plant(entry, data={**data, "name": "Planted", "domains": [*data.get("domains", []), *extra]})
    result = Checker(registry, stale_days=30, use_cache=True).run()
    assert result.findings == Checker(registry, stale_days=30).run().findings
    assert [d.data["domains"] for d in result.valid("organisation")
            if d.data["id"] == "synthetic-vendor"] == [["vendor.example"]]
    assert "Planted" not in {d.data["name"] for kind in ("organisation", "offering")
                             for d in result.valid(kind)}


def checked_files(registry: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    checked: list[Path] = []
    original = FileChecker.findings
    monkeypatch.setattr(FileChecker, "findings",
                        lambda self, file, *args: checked.append(file) or original(self, file, *args))
    Checker(registry, stale_days=30, use_cache=True).run()
    monkeypatch.setattr(FileChecker, "findings", original)
    return checked


def test_a_copied_key_vouches_for_nothing(registry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(checked_files(registry, monkeypatch)) == data_files(registry)
    assert checked_files(registry, monkeypatch) == []  # warm
    key = Path(os.environ["TRUSTREG_CACHE_DIR"]) / cache.KEY_FILE
    secret = key.read_bytes()
    key.unlink()
    key.write_bytes(secret)  # as a restored or copied cache would hold it
    key.chmod(0o600)
    assert len(checked_files(registry, monkeypatch)) == data_files(registry)


def test_a_key_others_can_read_disables_the_cache(registry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked_files(registry, monkeypatch)
    key = Path(os.environ["TRUSTREG_CACHE_DIR"]) / cache.KEY_FILE
    key.chmod(0o644)
    assert len(checked_files(registry, monkeypatch)) == data_files(registry)
    assert len(checked_files(registry, monkeypatch)) == data_files(registry)


def test_edited_code_has_its_own_entries(tmp_path: Path) -> None:
    copy = tmp_path / "trustreg"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert cache.code_digest(copy) == cache.code_digest(cache.PACKAGE)
    rules = copy / "rules" / "tr106_source_domain.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache.code_digest.cache_clear()
    assert cache.code_digest(copy) != cache.code_digest(cache.PACKAGE)


def test_excerpts_are_cached_and_checked_again_when_changed(registry: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from .rules.evidence import SECURITY, drafted, write_excerpt

    drafted(registry)
    assert check(registry, capsys) == check(registry, capsys, "--no-cache")
    assert any(b'"excerpts/vendor.example/security.yaml"' in e.read_bytes() for e in entries())
    write_excerpt(registry, SECURITY, ["x" * 601])
    status, out = check(registry, capsys)
    assert status == 1 and "excerpts/vendor.example/security.yaml:6:3: TR100" in out

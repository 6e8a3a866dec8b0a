"""Faults around the build folder and the places trustreg writes: stopped builds, read-only or
planted output folders, links out of the checkout."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from trustreg import cli
from trustreg.publish import build as build_module

from .gitrepo import Repo
from .test_watch import watch  # noqa: F401 (a fixture)

# the build, paused once every output is written, as a long build would be
PAUSED_BUILD = """
import sys, time
from trustreg.publish import build
write_all = build.write_all
def paused(*args, **kwargs):
    write_all(*args, **kwargs)
    print("written", flush=True)
    time.sleep(120)
build.write_all = paused
from trustreg.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def repo(registry: Path) -> Repo:
    repo = Repo(registry)
    repo.commit("Add the registry")
    return repo


def untracked(repo: Repo) -> list[str]:
    """What `git add -A` would take: every path git does not ignore or already hold."""
    return repo.git("status", "--porcelain", "--untracked-files=all").splitlines()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b""
            for p in sorted(folder.rglob("*"))}


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".dist"))


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_a_stopped_build_leaves_nothing_git_would_take(repo: Repo, stop: signal.Signals) -> None:
    process = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD, "--root", str(repo.root), "build"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout and process.stdout.readline() == "written\n"
    assert leftovers(repo.root)  # the half-made folder beside where dist/ goes
    process.send_signal(stop)
    _out, err = process.communicate(timeout=60)  # a hang guard, not a timing
    assert untracked(repo) == []
    assert not (repo.root / "dist").exists()
    if stop != signal.SIGKILL:  # a signal a process can answer: it cleans up and says so by status
        assert process.returncode == 128 + stop and err == ""
        assert leftovers(repo.root) == []


def test_a_read_only_old_dist_is_refused_before_anything_is_swapped(
        repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(repo.root, capsys, "build")[0] == 0
    dist = repo.root / "dist"
    before = snapshot(dist)
    real_access = os.access
    locked = dist / "site"

    def access(path: object, mode: int, **kwargs: object) -> bool:  # as for a user, not root
        return Path(str(path)) != locked and real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    code, out, err = run(repo.root, capsys, "build")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"holds '{locked}', which is read-only" in err
    assert snapshot(dist) == before and leftovers(repo.root) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may remove read-only folders")
def test_a_read_only_old_dist_for_real(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(repo.root, capsys, "build")[0] == 0
    dist = repo.root / "dist"
    before = snapshot(dist)
    (dist / "site").chmod(0o555)
    try:
        code, _out, err = run(repo.root, capsys, "build")
        assert code == 2 and "read-only" in err
        assert snapshot(dist) == before and leftovers(repo.root) == []
    finally:
        (dist / "site").chmod(0o755)


def test_an_old_dist_that_cannot_be_removed_after_the_swap_is_reported_truthfully(
        repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(repo.root, capsys, "build")[0] == 0
    (repo.root / "dist" / "old.txt").write_text("from the old build\n", encoding="utf-8")
    remove = shutil.rmtree

    def stuck(path: Path, ignore_errors: bool = False, **kwargs: object) -> None:
        if Path(path).name.startswith(".dist") and (Path(path) / "old.txt").exists():
            if ignore_errors:
                return
            raise PermissionError(13, "Permission denied", str(path))
        remove(path, ignore_errors=ignore_errors, **kwargs)

    monkeypatch.setattr(build_module.shutil, "rmtree", stuck)
    code, out, err = run(repo.root, capsys, "build")
    assert code == 0 and out.startswith("built ")
    left = leftovers(repo.root)
    assert len(left) == 1 and err == (f"warning: built {repo.root / 'dist'}, but the old output left in "
                                      f"{repo.root / left[0]} could not be removed: remove it by hand\n")
    assert not (repo.root / "dist" / "old.txt").exists() and (repo.root / "dist" / "data.json").is_file()
    assert untracked(repo) == []  # what is left is git-ignored


def test_a_planted_marker_never_lets_the_build_replace_a_tracked_folder(
        repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    docs = repo.root / "docs"
    docs.mkdir()
    (docs / "FORMAT.md").write_text("# The format, by hand\n", encoding="utf-8")
    (docs / build_module.MARKER).write_text(build_module.MARKER_TEXT, encoding="utf-8")
    repo.commit("Docs, with a planted marker")
    before = snapshot(docs)
    code, out, err = run(repo.root, capsys, "build", "--out", "docs")
    assert code == 2 and out == "" and err.count("\n") == 1 and "holds files tracked by git" in err
    assert snapshot(docs) == before and leftovers(repo.root) == []


@pytest.mark.parametrize("marker", [
    "Made by `trustreg build`, which replaces this whole folder on every build.\n",  # the old text
    build_module.MARKER_TEXT,  # lists nothing
    build_module.MARKER_TEXT + "0" * 64 + "  14  notes.md\n",  # its size, not its hash
    build_module.MARKER_TEXT + "0" * 64 + "  99  notes.md\n",
    build_module.MARKER_TEXT + "0" * 64 + "  1  ../registry/registry.yaml\n",
    build_module.MARKER_TEXT + "0" * 64 + "  1  a\0b\n",  # names the system refuses
    build_module.MARKER_TEXT + "0" * 64 + "  1  " + "x" * 5000 + "\n",
])
def test_a_planted_marker_must_list_what_the_folder_holds(registry: Path, marker: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = registry.parent / "notes"
    out.mkdir()
    (out / "notes.md").write_text("years of work\n", encoding="utf-8")
    (out / build_module.MARKER).write_text(marker, encoding="utf-8")
    before = snapshot(out)
    code, _out, err = run(registry, capsys, "build", "--out", str(out))
    assert code == 2 and err.count("\n") == 1 and "is not empty and" in err
    assert snapshot(out) == before


def test_a_build_folder_changed_by_hand_is_not_replaced(registry: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(registry, capsys, "build")[0] == 0
    page = registry / "dist" / "index.html"
    page.write_text("edited by hand\n", encoding="utf-8")
    code, _out, err = run(registry, capsys, "build")
    assert code == 2 and "holds no file 'index.html' as its .trustreg-build lists it" in err
    assert page.read_text(encoding="utf-8") == "edited by hand\n"


def test_a_linked_watch_folder_is_not_followed(registry: Path, tmp_path: Path, watch) -> None:  # noqa: F811
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "fingerprints.txt").write_text("# someone else's file\n", encoding="utf-8")
    (registry / "watch").symlink_to(outside, target_is_directory=True)
    status, out, err = watch("--record")
    assert status == 1 and out == ""
    assert err.startswith("watch/fingerprints.txt:1:1: TR302 watch/fingerprints.txt is a symbolic link")
    assert (outside / "fingerprints.txt").read_text(encoding="utf-8") == "# someone else's file\n"
    assert sorted(p.name for p in outside.iterdir()) == ["fingerprints.txt"]


def test_a_linked_cache_folder_is_not_followed(registry: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / ("0" * 24)).mkdir(parents=True)  # named like a cache folder: pruning would take it
    link = tmp_path / "cache-link"
    link.symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.setenv("TRUSTREG_CACHE_DIR", str(link))
    for _ in range(2):
        assert run(registry, capsys, "check")[0] == 0
    assert sorted(p.name for p in elsewhere.iterdir()) == ["0" * 24]
    assert list((elsewhere / ("0" * 24)).iterdir()) == []


def test_without_an_atomic_exchange_the_old_dist_is_moved_aside(
        repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "_exchange", lambda a, b: False)  # e.g. not Linux
    assert run(repo.root, capsys, "build")[0] == 0
    (repo.root / "dist" / "old.txt").write_text("from the old build\n", encoding="utf-8")
    assert run(repo.root, capsys, "build")[0] == 0
    dist = repo.root / "dist"
    assert not (dist / "old.txt").exists() and not (dist / build_module.IGNORE).exists()
    assert (dist / "data.json").is_file() and leftovers(repo.root) == [] and untracked(repo) == []


def test_writers_never_follow_a_linked_folder_out_of_the_checkout(
        registry: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (registry / "docs").symlink_to(outside, target_is_directory=True)
    code, out, err = run(registry, capsys, "reference")
    assert (code, out) == (2, "") and err == (
        "trustreg reference: 'docs/FORMAT.md': a symbolic link among its folders leads out of the "
        "checkout\n")
    assert list(outside.iterdir()) == []

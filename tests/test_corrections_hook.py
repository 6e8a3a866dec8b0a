"""The pre-commit corrections hook, as `git commit` runs it, on a branch in a real repository."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .gitrepo import ENV, Repo

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-24"  # conftest's TRUSTREG_TODAY
SOURCE = {"url": "https://trust.vendor.example/faq/baa", "title": "Synthetic Vendor Trust Center FAQ",
          "role": "primary", "retrieved": TODAY}


def hook_command() -> list[str]:
    """The hook's entry from .pre-commit-config.yaml, run with this checkout's script."""
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = next(h for r in config["repos"] for h in r["hooks"] if h["id"] == "trustreg-corrections")
    words = shlex.split(hook["entry"])
    assert words[:2] == ["python", "scripts/trustreg_hook.py"] and hook["pass_filenames"] is False
    return [sys.executable, str(REPO / "scripts" / "trustreg_hook.py"), *words[2:]]


def install_hook(repo: Repo) -> None:
    hook = repo.root / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\nexec {shlex.join(hook_command())}\n", encoding="utf-8")
    hook.chmod(0o755)


def commit(repo: Repo, *args: str) -> tuple[int, str]:
    """`git commit` with the hook installed: its status and what the hook printed."""
    env = {**os.environ, **ENV, "GIT_AUTHOR_NAME": "Alice", "GIT_AUTHOR_EMAIL": "alice@example.org",
           "GIT_COMMITTER_NAME": "Alice", "GIT_COMMITTER_EMAIL": "alice@example.org"}
    repo.git("add", "-A")
    done = subprocess.run(["git", "-C", str(repo.root), "commit", "-q", *args], env=env,
                          capture_output=True, text=True, check=False)
    return done.returncode, done.stdout + done.stderr


def edit_cell(repo: Repo, dimension: str, **fields: object) -> None:
    data = repo.offering()
    data["cells"][dimension].update(fields)
    repo.write(data)


@pytest.fixture
def branch(registry: Path) -> Repo:
    repo = Repo(registry)
    repo.commit("Add the registry")
    repo.git("checkout", "-q", "-b", "fix-hipaa")
    install_hook(repo)
    return repo


def test_sourced_correction_wording_fix_and_amend_go_through(branch: Repo) -> None:
    data = branch.offering()
    data["cells"]["hipaa_baa"]["sources"].insert(0, dict(SOURCE))
    branch.write(data)
    edit_cell(branch, "hipaa_baa", status="yes_sales_gated", verified=TODAY,
              caveat="Synthetic: BAA on request.")
    status, out = commit(branch, "-m", "Correct HIPAA BAA")
    assert status == 0, out
    assert out.startswith("corrections: compared with main (") and out.count("\n") == 2
    assert out.endswith("\nchecked 1 offering and 2 organisations: no findings\n")
    edit_cell(branch, "hipaa_baa", caveat="Synthetic: a BAA on request.")
    status, out = commit(branch, "-m", "Wording")
    assert status == 0, out
    edit_cell(branch, "hipaa_baa", caveat="Synthetic: a BAA only on request.")
    status, out = commit(branch, "--amend", "-m", "Wording, amended")
    assert status == 0, out


def test_unsourced_grade_change_is_refused_naming_the_cell(branch: Repo) -> None:
    edit_cell(branch, "iso_27001", status="no_public_evidence", verified=TODAY,
              caveat="Synthetic: certificate withdrawn.")
    status, out = commit(branch, "-m", "Flip ISO 27001")
    assert status == 1
    assert "offerings/synthetic-api.yaml" in out and " TR201 synthetic-api/iso_27001: grade changed" in out
    assert "Traceback" not in out


def test_same_day_follow_up_on_main_without_a_remote_is_possible(registry: Path) -> None:
    repo = Repo(registry)
    repo.commit("Add the registry")
    install_hook(repo)
    data = repo.offering()
    data["cells"]["hipaa_baa"]["sources"].insert(0, dict(SOURCE))
    repo.write(data)
    edit_cell(repo, "hipaa_baa", status="yes_sales_gated", verified=TODAY, caveat="Synthetic: on request.")
    assert commit(repo, "-m", "Correct")[0] == 0
    edit_cell(repo, "hipaa_baa", caveat="Synthetic: only on request.")
    status, out = commit(repo, "-m", "Wording")
    assert status == 0, out
    assert out.startswith("warning: --base main is HEAD itself")


def test_a_clone_compares_with_origin_s_default_branch(branch: Repo, tmp_path: Path) -> None:
    branch.git("checkout", "-q", "main")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(branch.root), str(clone)], check=True,
                   env={**os.environ, **ENV})
    repo = Repo.__new__(Repo)
    repo.root = clone
    repo.git("checkout", "-q", "-b", "fix")
    edit_cell(repo, "iso_27001", caveat="Synthetic: reworded without a source.")
    assert commit(repo, "--no-verify", "-m", "Reword")[0] == 0
    done = subprocess.run(hook_command(), cwd=clone, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "synthetic-api/iso_27001: changed caveat" in done.stdout
    assert done.stderr.startswith("corrections: compared with origin/main (")

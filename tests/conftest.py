"""Shared fixtures: a throw-away copy of this checkout's registry to break and check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from trustreg import loader

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "cohere-api.published.txt"  # the published page, verbatim
REGISTRY_PARTS = ("registry.yaml", "schema", "organisations", "offerings", "excerpts")


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Freeze today (stale and future-date rules) and keep the result cache inside the test tmp."""
    monkeypatch.setenv("TRUSTREG_TODAY", "2026-11-24")
    monkeypatch.setenv("TRUSTREG_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    """A copy of the registry's data (not its history) in a temporary directory."""
    root = tmp_path / "registry"
    root.mkdir()
    for part in REGISTRY_PARTS:
        source = REPO / part
        if not source.exists():  # e.g. no excerpts/ yet
            continue
        if source.is_dir():
            shutil.copytree(source, root / part)
        else:
            shutil.copy2(source, root / part)
    return root


def read_data(path: Path) -> dict:
    return loader.load(path).data

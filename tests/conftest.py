"""Shared fixtures: throw-away registries made from the fixtures under tests/fixtures/.

Tests own their data: a test reads the synthetic registry (`registry`) or the Cohere API as
published (`published`), never this checkout's offerings/ and organisations/, which change with
every data commit. Only tests marked `live` (their job is to check the checkout's registry) may
read those, and they run on the real date. A guard makes any other read of them fail the test.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import ClassVar

import pytest
from trustreg import loader

from . import netserver, nettools

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SYNTHETIC = FIXTURES / "registry"  # made-up organisations and one offering, synthetic-api
PUBLISHED = FIXTURES / "published"  # the Cohere API entry as published on 2026-07-05, frozen
SEED = REPO / "tests" / "data" / "cohere-api.published.txt"  # the published page, verbatim
CONTRACT = ("schema",)  # the tooling's contract comes from the checkout, the data from a fixture
DATA_PARTS = ("registry.yaml", "organisations", "offerings", "excerpts")
LIVE_DATA = tuple(str(REPO / part) for part in ("offerings", "organisations", "excerpts"))
TODAY = "2026-11-24"  # the date fixture-based tests run on (stale and future-date rules)


def make_registry(root: Path, data: Path = SYNTHETIC) -> Path:
    """A registry at root: data parts from a fixture folder, the schema from the checkout."""
    root.mkdir(parents=True)
    for part in DATA_PARTS:
        source = data / part
        if source.exists():  # a fixture may hold no excerpts/
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    for part in CONTRACT:
        shutil.copytree(REPO / part, root / part)
    return root


@functools.cache
def built(data: Path = SYNTHETIC) -> Path:
    """A registry made once per run from a fixture folder, for modules that load it at import."""
    parent = Path(tempfile.mkdtemp(prefix="trustreg-fixture-"))
    atexit.register(shutil.rmtree, parent, True)
    return make_registry(parent / "registry", data)


class LiveDataGuard:
    """An audit hook: while armed, opening a file of the checkout's live data raises (and is
    remembered, so a test whose code swallows the error still fails). Listing a folder is let
    be: libraries scan sys.path folders for plugins (pkgutil), which reads no data."""

    armed = False
    seen: ClassVar[list[str]] = []

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if not cls.armed or event != "open" or not args:
            return
        target = args[0]
        if isinstance(target, int) or target is None:
            return
        path = os.fsdecode(os.fspath(target))
        if not os.path.isabs(path):
            if args[1] is None:
                return  # os.open, maybe relative to a dir_fd the event does not carry (shutil.rmtree)
            path = os.path.join(os.getcwd(), path)
        path = os.path.normpath(path)
        if path in LIVE_DATA or path.startswith(tuple(part + os.sep for part in LIVE_DATA)):
            cls.seen.append(path)
            raise RuntimeError(f"test reads the live registry ({path}): {cls.ADVICE}")

    ADVICE = ("use the `registry` or `published` fixture, or mark the test `live` if checking "
              "the checkout's data is its job")


def pytest_configure(config: pytest.Config) -> None:
    sys.addaudithook(LiveDataGuard.hook)
    LiveDataGuard.armed = True  # from collection on: what a test module loads at import is guarded


@pytest.fixture(autouse=True)
def _own_data(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
              tmp_path_factory: pytest.TempPathFactory):
    """Freeze today and guard the live data, except for `live` tests; cache in the test tmp."""
    monkeypatch.setenv("TRUSTREG_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    if request.node.get_closest_marker("live"):
        monkeypatch.delenv("TRUSTREG_TODAY", raising=False)
        LiveDataGuard.armed = False
        try:
            yield
        finally:
            LiveDataGuard.armed = True
        return
    monkeypatch.setenv("TRUSTREG_TODAY", TODAY)
    LiveDataGuard.seen.clear()
    yield
    if LiveDataGuard.seen:
        pytest.fail(f"test read the live registry ({LiveDataGuard.seen[0]}): {LiveDataGuard.ADVICE}")


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    """The synthetic registry (tests/fixtures/registry) in a temporary directory."""
    return make_registry(tmp_path / "registry")


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """The Cohere API as published (tests/fixtures/published) in a temporary directory."""
    return make_registry(tmp_path / "published", PUBLISHED)


def read_data(path: Path) -> dict:
    return loader.load(path).data


@pytest.fixture
def server() -> Iterator[netserver.Server]:
    """A loopback server with the network tests' pages (tests/netserver.py)."""
    yield from netserver.serve()


@pytest.fixture
def run(registry: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """`trustreg ARGS` on the synthetic registry: (status, stdout, stderr)."""
    return partial(nettools.trustreg, registry, capsys)

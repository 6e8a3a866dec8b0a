"""Tests own their data: the fixture registries are synthetic, and no test reads the live data.

A data commit (a new offering or organisation, a correction dated today) must never break the
suite, so only tests marked `live` may read this checkout's offerings/ and organisations/.
"""

from __future__ import annotations

import os

import pytest
from trustreg import loader
from trustreg.api import load_registry

from .conftest import PUBLISHED, REPO, SYNTHETIC, TODAY, LiveDataGuard, built


def test_reading_the_live_offerings_fails_the_test() -> None:
    paths = [REPO / "offerings" / "any.yaml", REPO / "organisations" / "any.yaml"]
    for path in paths:
        with pytest.raises(RuntimeError, match="test reads the live registry"):
            path.open("rb")
    assert LiveDataGuard.seen == [str(path) for path in paths]
    LiveDataGuard.seen.clear()  # caught on purpose here: the test itself must not fail


def test_fixture_tests_run_on_a_fixed_day() -> None:
    assert os.environ["TRUSTREG_TODAY"] == TODAY


@pytest.mark.live
def test_live_tests_run_on_the_real_date_and_may_read_the_data() -> None:
    assert "TRUSTREG_TODAY" not in os.environ
    assert all(name.endswith(".yaml") for name in os.listdir(REPO / "offerings"))


def test_the_synthetic_registry_is_synthetic() -> None:
    for path in sorted((SYNTHETIC / "organisations").glob("*.yaml")):
        data = loader.load(path).data
        assert "synthetic" in data["name"].lower(), path
        assert all(domain.endswith(".example") for domain in data["domains"]), path
    registry = load_registry(built(SYNTHETIC))
    for offering in registry.offerings.values():
        assert offering.id.startswith("synthetic-") and offering.name.startswith("Synthetic")
        hosts = {s.url.split("/")[2] for c in offering.cells.values() for s in c.sources if s.url}
        assert hosts and all(host.endswith(".example") for host in hosts), hosts


def test_the_published_entry_is_a_frozen_copy() -> None:
    cohere = load_registry(built(PUBLISHED)).offerings["cohere-api"]
    assert {cell.verified for cell in cohere.cells.values()} == {"2026-07-05"}

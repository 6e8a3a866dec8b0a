"""trustreg.api.load_feed: a built data.json reads back into the objects load_registry returns."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from trustreg import cli
from trustreg.api import FeedError, load_feed, load_registry


def test_feed_reads_back_into_equal_objects(registry: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(registry), "build"]) == 0
    capsys.readouterr()
    path = registry / "dist" / "data.json"
    from_checkout = load_registry(registry)
    for loaded in (load_feed(path), load_feed(str(path)), load_feed(io.BytesIO(path.read_bytes()))):
        assert loaded.offerings == from_checkout.offerings
        assert loaded.vocabulary == from_checkout.vocabulary
        assert loaded.organisations == from_checkout.organisations
        assert loaded.meta == from_checkout.meta


@pytest.mark.parametrize(("text", "reason"), [
    ("not json", "cannot read the feed"),
    ('{"schema_version": 1}', "schema_version 1 is not one this trustreg reads"),
    ('{"schema_version": 3}', "schema_version 3 is not one this trustreg reads"),
    ('{"schema_version": 2, "offerings": []}', "lacks what the registry objects need"),
])
def test_unreadable_feeds_say_why(text: str, reason: str) -> None:
    with pytest.raises(FeedError, match=reason):
        load_feed(io.StringIO(text))


def test_missing_file_is_a_feed_error(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="cannot read"):
        load_feed(tmp_path / "data.json")

"""trustreg.api.load_feed: a built data.json reads back into the objects load_registry returns."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
from trustreg import cli
from trustreg.api import FeedError, load_feed, load_registry

from .synthetic import make_registry


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
    ('{"schema_version": 2}', "schema_version 2 is not one this trustreg reads"),
    ('{"schema_version": 3}', "schema_version 3 is not one this trustreg reads"),
    ('{"offerings": []}', "schema_version None is not one this trustreg reads"),
    ('{"schema_version": 1, "offerings": []}', "lacks what the registry objects need"),
    ("[" * 100_000 + "]" * 100_000, "nested too deep"),
    ('{"schema_version": 1, "schema_version": 2}', "the key 'schema_version' appears twice"),
])
def test_unreadable_feeds_say_why(text: str, reason: str) -> None:
    with pytest.raises(FeedError, match=reason):
        load_feed(io.StringIO(text))


def test_missing_file_is_a_feed_error(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="cannot read"):
        load_feed(tmp_path / "data.json")


@pytest.fixture
def feed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    """A data.json built from the synthetic registry (drafts and copies included)."""
    root = make_registry(tmp_path / "registry")
    assert cli.main(["--root", str(root), "build"]) == 0
    capsys.readouterr()
    return json.loads((root / "dist" / "data.json").read_text(encoding="utf-8"))


def test_drafts_and_copies_read_back(feed: dict) -> None:
    bolt = load_feed(io.StringIO(json.dumps(feed))).offerings["bolt-api"]
    assert [c.dimension.id for c in bolt.drafts] == ["soc2_type2", "hipaa_baa"]
    cell = bolt.cells["soc2_type2"]
    assert cell.verified is None and cell.draft is not None and cell.draft.date == "2026-10-01"
    assert cell.sources[0].copy is not None and not cell.sources[0].read_live


def _cell(data: dict) -> dict:
    return data["offerings"][0]["dimensions"]["soc2_type2"]


@pytest.mark.parametrize(("name", "change", "reason"), [
    ("facts as text", lambda d: _cell(d).update(facts="abc"), "does not match its schema at "
     "/offerings/0/dimensions/soc2_type2/facts"),
    ("hosting as a list", lambda d: d["offerings"][0].update(hosting=["abc"]), "/offerings/0/hosting"),
    ("vocabulary facts as text", lambda d: d["vocabulary"]["dimensions"][0].update(facts="abc"),
     "vocabulary.dimensions[0].facts must be a mapping"),
    ("javascript: source", lambda d: _cell(d)["sources"][0].update(url="javascript:alert(1)"),
     "sources/0/url is not a safe URL"),
    ("javascript: copy", lambda d: _cell(d)["sources"][0].update(copy={"held_by": "x",
                                                                        "url": "javascript:x"}),
     "copy/url is not a safe URL"),
    ("duplicate id", lambda d: d["offerings"].append(copy.deepcopy(d["offerings"][0])),
     "lists offering 'acme-api' twice"),
    ("grade not in the vocabulary", lambda d: _cell(d).update(value="maybe"), "soc2_type2/value"),
])
def test_a_hostile_feed_raises_only_feed_error(feed: dict, name: str, change, reason: str) -> None:
    data = copy.deepcopy(feed)
    change(data)
    with pytest.raises(FeedError) as caught:
        load_feed(io.StringIO(json.dumps(data)))
    assert reason in str(caught.value), name


def test_a_later_minor_version_reads(feed: dict) -> None:
    """1.x readers read every 1.y (docs/FEED.md): unknown fields are ignored."""
    data = copy.deepcopy(feed)
    data["schema_minor"] += 5
    data["offerings"][0]["added_in_a_later_minor"] = {"x": 1}
    _cell(data)["also_added"] = True
    assert sorted(load_feed(io.StringIO(json.dumps(data))).offerings) == ["acme-api", "bolt-api"]


def test_lead_pages_and_primary_pages_round_trip_through_the_feed(
        registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    vocab.write_text(text.replace("primary_pages: []\n", "primary_pages:\n"
                                  "  - url: https://vendor.example/news/\n"
                                  "    reason: Synthetic test listing, reviewed.\n", 1),
                     encoding="utf-8")
    assert cli.main(["--root", str(registry), "build"]) == 0
    capsys.readouterr()
    data = json.loads((registry / "dist" / "data.json").read_text(encoding="utf-8"))
    assert data["vocabulary"]["primary_pages"] == [
        {"url": "https://vendor.example/news/", "reason": "Synthetic test listing, reviewed."}]
    assert [shape["kind"] for shape in data["vocabulary"]["lead_pages"]] == \
        ["blog", "announcement", "forum"]
    loaded = load_feed(registry / "dist" / "data.json").vocabulary
    checkout = load_registry(registry).vocabulary
    assert loaded.lead_pages == checkout.lead_pages and loaded.primary_pages == checkout.primary_pages
    assert loaded.independent == checkout.independent  # needs_quote included
    assert loaded.independent["european-commission"].needs_quote
    assert loaded.primary_pages[0].reason == "Synthetic test listing, reviewed."
    assert loaded.lead_page("https://vendor.example/news/x") is None
    assert loaded.lead_page("https://vendor.example/blog/x") == ("blog", "its path has the segment 'blog'")

"""dist/changes.atom: additions and corrections from git history, valid per feedparser."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from trustreg import cli

from .gitrepo import Repo
from .test_changelog import correct


def build_feed(root: Path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["--root", str(root), "build"]) == 0
    capsys.readouterr()
    return feedparser.parse((root / "dist" / "changes.atom").read_bytes())


@pytest.fixture
def repo(registry: Path) -> Repo:
    repo = Repo(registry)
    repo.commit("Add the registry", author="Maintainer <maint@example.org>")
    return repo


def test_one_entry_per_addition_and_correction(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    correct(repo, "Correct HIPAA BAA\n\nReported-by: Chloé Durand <chloe@example.org>\n")
    feed = build_feed(repo.root, capsys)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == [
        "Corrected: Cohere API · HIPAA BAA: No public evidence → Yes, sales-gated",
        "Added: Cohere API"]
    correction = feed.entries[0]
    assert correction.id.startswith("urn:uuid:")  # no tag_entity: a name-based UUID
    assert correction.updated == "2026-11-01T12:00:00Z"
    assert [a.name for a in correction.authors] == ["Alice Example"]
    assert [c.name for c in correction.contributors] == ["Chloé Durand"]
    assert ("Source: Cohere Trust Center FAQ <https://trustcenter.cohere.com/faq/baa>"
            in correction.content[0].value)
    assert {"correction", "cohere-api", "hipaa_baa"} <= {t.term for t in correction.tags}
    terms = {t.term for t in correction.tags}
    assert {"no_public_evidence", "yes_sales_gated"} <= terms
    assert len({t.scheme for t in correction.tags}) == len(correction.tags)  # one scheme each
    assert any(link.href == "https://trustcenter.cohere.com/faq/baa" for link in correction.links)
    assert "11 cells, 7 watch-outs" in feed.entries[1].content[0].value


def test_ids_are_stable_and_tag_uris_with_a_tag_entity(repo: Repo,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    first = [e.id for e in build_feed(repo.root, capsys).entries]
    correct(repo, "Correct HIPAA BAA")
    assert [e.id for e in build_feed(repo.root, capsys).entries][1:] == first
    meta = repo.root / "registry.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "tag_entity: example.org,2026\n",
                    encoding="utf-8")
    repo.commit("Declare the tag entity")
    feed = build_feed(repo.root, capsys)
    assert feed.feed.id == "tag:example.org,2026:changes"
    assert [e.id for e in feed.entries] == ["tag:example.org,2026:change/cohere-api/hipaa_baa/1",
                                            "tag:example.org,2026:change/cohere-api/offering/1"]


def test_outside_git_the_feed_is_valid_and_empty(registry: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    feed = build_feed(registry, capsys)
    assert not feed.bozo and feed.entries == []
    assert feed.feed.title == "AI Provider Trust Registry: additions and corrections"

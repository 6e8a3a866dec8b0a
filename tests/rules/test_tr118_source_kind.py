"""TR118: primary sources say what kind of page they are, and only primary kinds are primary."""

from pathlib import Path

import pytest

from .conftest import line_of, mutate


def test_primary_source_without_kind_fails(registry: Path, check) -> None:
    path = mutate(registry, lambda d: d["cells"]["iso_42001"]["sources"][0].pop("kind"))
    result = check(registry)
    assert result.codes() == ["TR118"]
    assert "primary source does not say what kind of page it is" in result.lines[0]
    assert "add `kind:`, one of: trust_center, documentation, legal" in result.lines[0]
    line = int(result.lines[0].split(":")[1])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1] == "      role: primary"
    assert line > line_of(path, "iso_42001:")


@pytest.mark.parametrize("kind", ["blog", "forum", "press", "announcement"])
def test_lead_kind_cited_as_primary_fails(registry: Path, check, kind: str) -> None:
    mutate(registry, lambda d: d["cells"]["iso_42001"]["sources"][0].update(kind=kind))
    result = check(registry)
    assert result.codes() == ["TR118"]
    assert f"a {kind} page is a lead, not a primary source" in result.lines[0]


def test_lead_kind_as_lead_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_42001"]["sources"].append(
        {"url": "https://forum.example.com/t/1", "title": "Synthetic forum thread",
         "kind": "forum", "role": "lead"}))
    assert check(registry).lines == []


# One weak source of each kind issue 16 names, at an address of its own shape, labelled primary.
LEAD_PAGES = [
    ("https://vendor.example/blog/2025/iso-42001", "documentation", "blog",
     "its path has the segment 'blog'"),
    ("https://community.vendor.example/t/iso-42001-status/77", "documentation", "forum",
     "its host community.vendor.example names a forum"),
    ("https://vendor.example/answers/questions/123/is-the-api-iso-42001", "legal", "forum",
     "its path has the segment 'answers'"),
    ("https://vendor.example/news/synthetic-vendor-achieves-iso-42001", "legal", "announcement",
     "its path has the segment 'news'"),
]


def _primary(url: str, kind: str):
    def change(data: dict) -> None:
        data["cells"]["iso_42001"]["sources"][0].update(url=url, kind=kind)
    return change


def _list_primary_page(registry: Path, url: str) -> None:
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    entry = f"primary_pages:\n  - url: {url}\n    reason: Synthetic test page reviewed as the vendor's own.\n"
    vocab.write_text(text.replace("primary_pages: []\n", entry, 1), encoding="utf-8")


@pytest.mark.parametrize(("url", "kind", "lead", "why"), LEAD_PAGES)
def test_lead_shaped_address_labelled_primary_fails(registry: Path, check, url: str, kind: str,
                                                    lead: str, why: str) -> None:
    path = mutate(registry, _primary(url, kind))
    result = check(registry)
    assert result.codes() == ["TR118"]
    assert f"{url} is a {lead} page by its address ({why}), not a {kind} page" in result.lines[0]
    assert f"mark it role: lead with kind: {lead}" in result.lines[0]
    assert "lists it under primary_pages in schema/vocabulary.yaml with the reason" in result.lines[0]
    line = int(result.lines[0].split(":")[1])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].strip() == f"- url: {url}"


@pytest.mark.parametrize(("url", "kind", "lead", "why"), LEAD_PAGES)
def test_lead_shaped_address_listed_in_primary_pages_passes(registry: Path, check, url: str,
                                                            kind: str, lead: str, why: str) -> None:
    mutate(registry, _primary(url, kind))
    _list_primary_page(registry, url)
    assert check(registry).lines == []


def test_primary_pages_prefix_covers_the_pages_below_it(registry: Path, check) -> None:
    mutate(registry, _primary("https://vendor.example/news/2025/iso-42001", "documentation"))
    _list_primary_page(registry, "https://vendor.example/news/")
    assert check(registry).lines == []


def test_primary_pages_listing_another_page_does_not_excuse_this_one(registry: Path, check) -> None:
    mutate(registry, _primary("https://vendor.example/blog/iso-42001", "documentation"))
    _list_primary_page(registry, "https://vendor.example/blog/other-post")
    assert check(registry).codes() == ["TR118"]


@pytest.mark.parametrize("url", ["https://vendor.example/", "https://vendor.example/en-us/"])
def test_vendor_home_page_labelled_trust_center_fails(registry: Path, check, url: str) -> None:
    mutate(registry, _primary(url, "trust_center"))
    result = check(registry, "--select", "TR118")
    assert result.codes() == ["TR118"]
    assert ("a trust_center source must be a page of synthetic-vendor's trust center; its declared "
            "trust center is https://trust.vendor.example") in result.lines[0]
    assert "declare the trust center in organisations/synthetic-vendor.yaml" in result.lines[0]


def test_trust_center_kind_under_the_declared_trust_center_passes(registry: Path, check) -> None:
    mutate(registry, _primary("https://trust.vendor.example/certifications", "trust_center"))
    assert check(registry).lines == []


def test_trust_center_with_or_without_www_is_the_same_site(registry: Path, check) -> None:
    mutate(registry, _primary("https://www.trust.vendor.example/faq", "trust_center"))
    assert check(registry).lines == []

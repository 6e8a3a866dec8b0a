"""The site's HTML: the seed page's content, and no markup from any data string."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from trustreg.api import load_registry
from trustreg.publish import site

from .conftest import REPO

REGISTRY = load_registry(REPO)
COHERE = REGISTRY.offerings["cohere-api"]
EMITTED_TAGS = {"html", "head", "meta", "title", "link", "body", "header", "nav", "a", "main",
                "footer", "p", "time", "h1", "h2", "h3", "section", "ul", "li", "span", "strong",
                "blockquote",
                "div", "table", "thead", "tbody", "tr", "th", "td"}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def test_offering_page_carries_the_seed_content() -> None:
    html = site.offering_page(REGISTRY, COHERE)
    text = " ".join(" ".join(parse(html).text).split())
    for needle in ("evidence verified as of 2026-07-05", "Registry / Cohere API", "Watch-outs 7",
                   site.WATCH_OUT_SENTENCE, "SOC 2 Type II: ◐ Yes, sales-gated Report access requires",
                   "tier: self_serve · route: nda · route_via: trust center ·", "audit_cadence: annual",
                   "sccs: 2021-06-04 EU Commission SCCs incorporated · subprocessors_public: True",
                   "route: public · geography: EU", "no public source", "source", "confidence medium",
                   "does not cover Cohere hosted products and applications"):
        assert needle in text, needle
    assert text.count("archived copy") == 0


def test_question_page_explains_no_public_evidence() -> None:
    html = site.question_page(REGISTRY, "hipaa_baa")
    assert "not that the answer is no" in html
    assert "offerings/cohere-api.html#hipaa_baa" in html


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda s: "\n" not in s and s.strip()))
def test_no_data_string_becomes_markup(text: str) -> None:
    cells = {k: dataclasses.replace(c, evidence=text, caveat=text, geography=text)
             for k, c in COHERE.cells.items()}
    developer = dataclasses.replace(COHERE.developer, name=text)
    offering = dataclasses.replace(COHERE, name=text, summary=text, model_family=text,
                                   cells=cells, developer=developer)
    registry = dataclasses.replace(REGISTRY, offerings={"cohere-api": offering})
    for html in (site.offering_page(registry, offering), site.index_page(registry, True),
                 site.question_page(registry, "gdpr_dpa")):
        parsed = parse(html)
        assert {tag for tag, _ in parsed.tags} <= EMITTED_TAGS
        assert not any(name.startswith("on") for _, attrs in parsed.tags for name, _ in attrs)


def test_site_files(tmp_path: Path) -> None:
    site.write_site(REGISTRY, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert {"index.html", "by-watch-outs.html", "style.css", "favicon.svg",
            "offerings/cohere-api.html", "compare/index.html", "questions/index.html"} <= names
    assert len([n for n in names if n.startswith("questions/")]) == 12

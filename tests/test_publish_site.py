"""The site's HTML: the seed page's content, and no markup from any data string."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from trustreg.api import load_registry
from trustreg.publish import compare, site
from trustreg.publish.stamps import as_of

from .conftest import built

REGISTRY = load_registry(built())
OFFERING = REGISTRY.offerings["synthetic-api"]
STAMPS = as_of(REGISTRY, "2026-11-24")
EMITTED_TAGS = {"html", "head", "meta", "title", "link", "body", "header", "nav", "a", "main",
                "footer", "p", "time", "h1", "h2", "h3", "section", "ul", "li", "span", "strong",
                "blockquote", "article", "caption", "label", "select", "option",
                "div", "table", "thead", "tbody", "tr", "th", "td", "br", "script", "noscript"}
SCRIPTS = {(("src", "../compare/compare.js"), ("defer", None))}  # the only script: no inline code


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
    html = site.offering_page(REGISTRY, OFFERING, STAMPS)
    text = " ".join("".join(parse(html).text).split())
    for needle in ("evidence verified as of 2026-07-05", "Registry / Synthetic API", "Watch-outs 7",
                   site.WATCH_OUT_SENTENCE, "SOC 2 Type II: ◐ Yes, sales-gated Report access requires",
                   "Tier: Self-serve · Route: NDA · Route via: trust center", "Audit cadence: annual",
                   "SCCs: 2021-06-04 Synthetic Commission SCCs incorporated · Subprocessor list public: Yes",
                   "Route: Public · Geography: EU", "no public source", "source", "confidence medium",
                   "does not cover Synthetic Vendor hosted products and applications"):
        assert needle in text, needle
    assert text.count("archived copy") == 0


def test_question_page_explains_no_public_evidence() -> None:
    html = site.question_page(REGISTRY, "hipaa_baa", STAMPS)
    assert "not that the answer is no" in html
    assert "offerings/synthetic-api.html#hipaa_baa" in html


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda s: "\n" not in s and s.strip()))
def test_no_data_string_becomes_markup(text: str) -> None:
    cells = {k: dataclasses.replace(c, evidence=text, caveat=text, geography=text)
             for k, c in OFFERING.cells.items()}
    developer = dataclasses.replace(OFFERING.developer, name=text)
    offering = dataclasses.replace(OFFERING, name=text, summary=text, model_family=text,
                                   cells=cells, developer=developer)
    registry = dataclasses.replace(REGISTRY, offerings={"synthetic-api": offering})
    for html in (site.offering_page(registry, offering, STAMPS), site.index_page(registry, True, STAMPS),
                 site.question_page(registry, "gdpr_dpa", STAMPS),
                 compare.compare_page(registry, STAMPS)):
        parsed = parse(html)
        assert {tag for tag, _ in parsed.tags} <= EMITTED_TAGS
        assert {tuple(attrs) for tag, attrs in parsed.tags if tag == "script"} <= SCRIPTS
        assert not any(name.startswith("on") for _, attrs in parsed.tags for name, _ in attrs)


def test_site_files(tmp_path: Path) -> None:
    site.write_site(REGISTRY, STAMPS, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert {"index.html", "by-watch-outs.html", "style.css", "favicon.svg",
            "offerings/synthetic-api.html", "compare/index.html", "questions/index.html"} <= names
    assert len([n for n in names if n.startswith("questions/")]) == 12


def test_question_page_is_a_buyers_answer() -> None:
    html = site.question_page(REGISTRY, "gpai_cop", STAMPS)
    text = " ".join("".join(parse(html).text).split())
    assert "<h1>Is the model developer on the EC&#x27;s GPAI Code of Practice signatory list?</h1>" in html
    assert "Synthetic Vendor model, served by Synthetic Vendor" in text
    assert "Synthetic Vendor (developer)" in text and "Chapters: all" in text
    assert ">Synthetic Commission - The General-Purpose AI Code of Practice (signatories)</a>" in html
    assert "retrieved 2026-07-05" in text
    assert 'href="../offerings/synthetic-api.html#gpai_cop"' in html


def test_sources_show_title_date_and_leads_below_primaries() -> None:
    html = site.offering_page(REGISTRY, OFFERING, STAMPS)
    iso = html[html.index('id="iso_27001"'):html.index('id="iso_42001"')]
    assert iso.index("Sources</p>") < iso.index("Leads (used as lead only, not cited)")
    assert '<a href="https://trust.vendor.example">Synthetic Vendor Trust Center</a>' in html


def test_stale_cells_are_flagged_at_the_generated_date() -> None:
    assert "stale" not in " ".join(parse(site.offering_page(REGISTRY, OFFERING, STAMPS)).text)
    late = as_of(REGISTRY, "2027-06-01")
    text = " ".join("".join(parse(site.offering_page(REGISTRY, OFFERING, late)).text).split())
    assert "11 of 11 cells are stale" in text
    assert "stale: verified 331 days before 2027-06-01 (limit 180)" in text


def test_every_page_links_the_data_and_feeds(tmp_path: Path) -> None:
    site.write_site(REGISTRY, STAMPS, tmp_path)
    for page in tmp_path.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for target in ("data.json", "offerings.csv", "changes.atom", "CHANGELOG.md"):
            assert f'{target}"' in html, (page, target)
        assert '<nav aria-label="Site">' in html and '<nav aria-label="Data and feeds">' in html


def test_compare_page_grows_linearly() -> None:
    base = REGISTRY.offerings["synthetic-api"]
    many = {f"synthetic-{i}": dataclasses.replace(base, id=f"synthetic-{i}", name=f"Synthetic {i}")
            for i in range(40)}
    registry = dataclasses.replace(REGISTRY, offerings=many)
    files = site.site_files(registry, STAMPS)
    assert len([n for n in files if n.startswith("compare/")]) == 3  # page, stylesheet, script
    small = dataclasses.replace(REGISTRY, offerings=dict(list(many.items())[:20]))
    ratio = (sum(map(len, files.values())) / sum(map(len, site.site_files(small, STAMPS).values())))
    assert 1.7 < ratio < 2.1
    html = files["compare/index.html"]
    assert '<label for="pick-a">' in html and '<label for="pick-b">' in html
    assert html.count('<section class="col"') == 40


def test_compare_lists_first_party_offerings_first() -> None:
    base = REGISTRY.offerings["synthetic-api"]
    azure = dataclasses.replace(base.platform, id="synthetic-cloud", name="Synthetic Cloud")
    cloud = dataclasses.replace(base, id="a-cloud-offering", name="A cloud offering",
                                category="cloud_distribution", platform=azure)
    registry = dataclasses.replace(REGISTRY, offerings={"a-cloud-offering": cloud, "synthetic-api": base})
    assert [o.id for o in compare.ordered(registry)] == ["synthetic-api", "a-cloud-offering"]
    assert compare.defaults(compare.ordered(registry)) == ("synthetic-api", "a-cloud-offering")
    html = compare.compare_page(registry, STAMPS)
    assert "grades the platform, Synthetic Cloud" in html and "grades the developer, Synthetic Vendor" in html


def test_declared_repository_and_correction_form_are_linked() -> None:
    meta = dataclasses.replace(REGISTRY.meta, repository="https://example.org/synthetic/registry",
                               correction_form="https://example.org/synthetic/correct")
    registry = dataclasses.replace(REGISTRY, meta=meta)
    html = site.question_page(registry, "hipaa_baa", STAMPS)
    assert '<a href="https://example.org/synthetic/registry">source repository</a>' in html
    assert ('<a href="https://example.org/synthetic/correct?dimension=hipaa_baa">Suggest a correction '
            "to question HIPAA BAA (hipaa_baa)</a>") in html
    assert "source repository" not in site.question_page(REGISTRY, "hipaa_baa", STAMPS)

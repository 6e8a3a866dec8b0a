"""Pages for buyers (issue 17 item 4) and variants in `query`/`compare` (item 5), on a synthetic
registry: severity colours, labels instead of identifiers, draft badges, copies, correction
links, variants and reviews on question pages, the shareable compare page."""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path

import pytest
from trustreg import cli
from trustreg.api import load_registry
from trustreg.model import Registry
from trustreg.publish import compare, site
from trustreg.publish.html import root_index
from trustreg.publish.stamps import as_of
from trustreg.publish.style import STYLE

from .synthetic import ACME, BOLT, DIMENSIONS, REPO, make_registry, offering

NOTE = "graded from copies of the cited pages; not yet verified live"
FORM = "https://forms.example.org/correct?lang=en"


def acme_with_details() -> dict:
    data = copy.deepcopy(ACME)
    baa = data["cells"]["hipaa_baa"]
    baa.update(status="yes_sales_gated", tier="self_serve", route="sign_in", route_via="trust portal",
               default="requires_config", facts={"covered_services": ["Synthetic API"]})
    training = data["cells"]["training_on_customer_data"]
    training.update(status="yes_public", facts={"opt_out_location": "Synthetic settings page"})
    training.pop("caveat")
    training["variants"] = [{
        "scope": "plan", "applies_to": "Free", "status": "documented_no",
        "caveat": "The synthetic free plan trains on prompts.",
        "evidence": "The synthetic free plan's terms say prompts train models.",
        "sources": [{"url": "https://acme.example/free-terms", "title": "Synthetic free terms",
                     "kind": "legal", "role": "primary", "retrieved": "2026-10-01",
                     "quote": "Prompts on the free plan are used for training."}]}]
    training["reviews"] = [{"date": "2026-10-02", "by": "Synthetic Reviewer", "reviewer": "human",
                            "decision": "confirmed", "note": "Synthetic review of the free plan."}]
    return data


CARA = offering("cara-api", "acme", "acme.example", drafts=DIMENSIONS)  # every cell a draft


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root = make_registry(tmp_path_factory.mktemp("buyers") / "registry",
                         offerings=(acme_with_details(), BOLT, CARA))
    return load_registry(root, strict=False)


def files(registry: Registry, **meta: str) -> dict[str, str]:
    changed = dataclasses.replace(registry, meta=dataclasses.replace(registry.meta, **meta))
    return site.site_files(changed, as_of(changed, "2026-11-24"))


def text(html: str) -> str:
    """The visible text of a page: no tags, no script, whitespace folded."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rule(selector: str) -> str:
    found = re.search(rf"(?m)^{re.escape(selector)}\{{([^}}]*)\}}", STYLE)
    assert found, selector
    return found.group(1)


def test_every_grade_and_the_draft_badge_meet_aa_contrast(registry: Registry) -> None:
    for selector in [f".g-{g}" for g in registry.vocabulary.grades] + [".draft"]:
        body = rule(selector)
        fg = re.search(r"(?:^|;)color:(#[0-9a-f]{6})", body)
        bg = re.search(r"background:(#[0-9a-f]{6})", body)
        assert fg and bg, selector
        assert contrast(fg.group(1), bg.group(1)) >= 4.5, selector


def test_the_worst_grades_stand_out_and_are_not_white(registry: Registry) -> None:
    background = {g: re.search(r"background:(#[0-9a-f]{6})", rule(f".g-{g}")).group(1)
                  for g in registry.vocabulary.grades}
    for worst in ("no_public_evidence", "documented_no"):
        assert background[worst] != "#ffffff" and luminance(background[worst]) < 0.85, worst
    # a documented no is the darkest of all: it reads as the worst at a glance
    assert min(background, key=lambda g: luminance(background[g])) == "documented_no"
    glyphs = {g.glyph for g in registry.vocabulary.grades.values()}
    assert len(glyphs) == len(registry.vocabulary.grades)  # never colour alone


def test_labels_replace_identifiers_and_no_separator_dangles(registry: Registry) -> None:
    pages = files(registry)
    acme = text(pages["offerings/acme-api.html"])
    for shown in ("Tier: Self-serve", "Route: Sign-in or click-through", "Route via: trust portal",
                  "Default: Needs configuration", "Covered services: Synthetic API",
                  "Category: First-party", "Opt out location: Synthetic settings page"):
        assert shown in acme, shown
    for name, html in pages.items():
        if name.endswith(".html"):
            seen = text(html)
            for ident in ("self_serve", "route_via", "first_party", "requires_config",
                          "covered_services", "opt_out_location", "sign_in"):
                assert ident not in seen.replace("hipaa_baa", ""), (name, ident)
            assert not re.search(r"·\s*(·|</p>|$)", re.sub(r"<[^>]+>", "", html)), name


def test_draft_cells_carry_a_badge_on_every_kind_of_page(registry: Registry) -> None:
    pages = files(registry)
    for name in ("offerings/bolt-api.html", "questions/soc2_type2.html", "compare/index.html",
                 "index.html", "by-watch-outs.html"):
        assert f'<span class="draft">Draft<span class="dn">: {NOTE}</span></span>' in pages[name], name
    assert "Draft" not in text(pages["offerings/acme-api.html"]).split("Legend")[0]
    bolt = text(pages["offerings/bolt-api.html"])
    assert "draft graded 2026-10-01 by Synthetic maintainers (graded from stored copies)" in bolt
    assert (f"evidence verified as of 2026-10-01 (its oldest verified cell; 2 draft cells not "
            f"counted ({NOTE}))") in bolt


def test_an_offering_of_drafts_only_says_so_instead_of_a_date(registry: Registry) -> None:
    cara = text(files(registry)["offerings/cara-api.html"])
    assert f"every cell is a draft ({NOTE}): no cell is verified live yet" in cara
    assert "None" not in cara and "verified as of" not in cara


def test_a_source_read_in_a_copy_shows_the_copy_not_a_retrieved_date(registry: Registry) -> None:
    html = files(registry)["offerings/bolt-api.html"]
    soc2 = html[html.index('id="soc2_type2"'):html.index('id="iso_27001"')]
    assert ("read in a copy held by Synthetic Archive (test copies), captured "
            '<time datetime="2026-09-14">2026-09-14</time> '
            '(<a href="https://archive.example.net/copy/1">the copy</a>)') in soc2
    assert "retrieved" not in soc2
    compared = files(registry)["compare/index.html"]
    assert "read in a copy held by Synthetic Archive (test copies)" in compared


def test_the_correction_form_is_prefilled_with_offering_and_dimension(registry: Registry) -> None:
    pages = files(registry, correction_form=FORM)
    acme = pages["offerings/acme-api.html"]
    assert (f'<a href="{FORM}&amp;offering=acme-api&amp;dimension=hipaa_baa">Suggest a correction '
            "to offering Acme Api (acme-api) and question HIPAA BAA (hipaa_baa)</a>") in acme
    assert f'<a href="{FORM}&amp;offering=acme-api">' in acme  # the page's own, in the footer
    assert f'<a href="{FORM}&amp;dimension=gdpr_dpa">' in pages["questions/gdpr_dpa.html"]
    assert f'<a href="{FORM}&amp;offering=bolt-api&amp;dimension=soc2_type2">' in pages["compare/index.html"]
    for name, html in pages.items():
        if name.endswith(".html"):
            assert f'href="{FORM}' in html, name
    changed = dataclasses.replace(registry, meta=dataclasses.replace(registry.meta, correction_form=FORM))
    assert f'<a href="{FORM}">Suggest a correction</a>' in root_index(changed)  # dist/index.html


def test_without_a_form_the_repository_section_or_words_say_how(registry: Registry) -> None:
    github = files(registry, repository="https://github.com/synthetic/registry")["index.html"]
    assert ('<a href="https://github.com/synthetic/registry/blob/HEAD/CONTRIBUTING.md#correct-a-cell">'
            "how to suggest a correction (CONTRIBUTING.md, Correct a cell)</a>") in github
    other = files(registry, repository="https://code.example.org/registry")["offerings/acme-api.html"]
    assert ('CONTRIBUTING.md, section “Correct a cell”, in <a href="https://code.example.org/registry">'
            "the source repository</a> says how to correct it, naming offering Acme Api (acme-api)") in other
    none = files(registry)
    for name, html in none.items():
        if name.endswith(".html"):
            assert "Spotted an error? Send the registry's maintainers a primary source" in html, name
            assert "CONTRIBUTING.md#" not in html and "correct?" not in html


def test_the_correction_section_the_pages_link_exists() -> None:
    assert "\n## Correct a cell\n" in (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_the_matrix_marks_a_cell_worse_for_a_variant(registry: Registry) -> None:
    html = files(registry)["index.html"]
    cell = html[html.index('href="offerings/acme-api.html#training_on_customer_data"'):]
    assert cell[:cell.index("</td>")].endswith('<span class="vm">worse for a variant</span></a>')
    assert html.count('class="vm"') == 1


def test_question_pages_show_variants_and_reviews(registry: Registry) -> None:
    page = text(files(registry)["questions/training_on_customer_data.html"])
    assert "Variant (Plan: Free): ✕ No (documented) The synthetic free plan trains on prompts." in page
    assert "Prompts on the free plan are used for training." in page
    assert ("Reviews [human 2026-10-02 Synthetic Reviewer] Confirmed: Synthetic review of the free "
            "plan.") in page


def test_the_compare_page_is_shared_by_url_and_one_offering_twice_fills_both_columns(
        registry: Registry) -> None:
    pages = files(registry)
    html = pages["compare/index.html"]
    first, second = compare.defaults(compare.ordered(registry))
    assert f'<a id="share" href="?a={first}&amp;b={second}">' in html
    assert '<script src="../compare/compare.js" defer></script>' in html
    assert "script-src 'self'" in html and "script-src" not in pages["index.html"]
    script = pages[compare.COMPARE_JS]
    assert 'query.get("a")' in script and 'query.get("b")' in script and "location.hash" in script
    css = pages[compare.COMPARE_CSS]
    for ident in registry.offerings:
        both = (f'body:has(#pick-a option[value="{ident}"]:checked)'
                f':has(#pick-b option[value="{ident}"]:checked)')
        assert f"{both} #c-{ident}>*{{grid-column:2/4}}" in css


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = cli.main(["--root", str(root), *args])
    return status, capsys.readouterr().out


def test_query_finds_a_documented_no_on_a_variant_and_marks_it(
        registry: Registry, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(registry.root, capsys, "query", "training_on_customer_data=documented_no")
    assert status == 0
    assert out.splitlines() == ["acme-api\tAcme Api\twatch-outs 11\tvariant match: No-training "
                                "default, Plan: Free: No (documented)"]
    status, out = run(registry.root, capsys, "query", "training_on_customer_data=yes_public")
    assert status == 0 and out.startswith("acme-api\tAcme Api\twatch-outs 11\n")  # the headline
    status, out = run(registry.root, capsys, "query", "training_on_customer_data!=yes_public")
    assert "acme-api" not in out  # != reads the headline only
    status, out = run(registry.root, capsys, "query", "--format", "json",
                      "training_on_customer_data=documented_no")
    assert '"variant_matches": [' in out and '"applies_to": "Free"' in out


def test_compare_marks_cells_with_variants(registry: Registry, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(registry.root, capsys, "compare", "acme-api", "bolt-api")
    assert status == 0
    row = next(line for line in out.splitlines() if "No-training default" in line)
    assert "Yes, public [+variants]" in row
    assert ("variant of Acme Api: No-training default, Plan: Free: No (documented) · The synthetic "
            "free plan trains on prompts.") in out.splitlines()

"""TR124: offerings on one platform citing the same page for a platform cell grade it alike."""

from pathlib import Path

from .conftest import OFFERING, synthetic, write

PARTNER = "offerings/synthetic-twin.yaml"


def _twin(registry: Path, change=None) -> None:
    """A second offering on the same platform whose soc2_type2 cites the same page as yes_public."""
    data = synthetic(registry)
    data["id"] = "synthetic-twin"
    cell = data["cells"]["soc2_type2"]
    cell.update(status="yes_public", route="public")
    cell.pop("caveat", None)
    cell.pop("route_via", None)
    if change:
        change(data)
    write(registry, data, PARTNER)


def test_same_page_graded_differently_is_reported_in_both_files(registry: Path, check) -> None:
    _twin(registry)
    result = check(registry, "--select", "TR124")
    assert result.codes() == ["TR124", "TR124"]
    mine, twin = sorted(result.lines)
    assert mine.startswith(f"{OFFERING}:") and twin.startswith(f"{PARTNER}:")
    assert "soc2_type2 is yes_sales_gated here but " + PARTNER in mine
    assert "citing the same page (same platform synthetic-vendor)" in mine
    assert "soc2_type2 is yes_public here but " + OFFERING in twin
    assert "a variant, or a fact naming it" in twin


def test_a_fact_naming_the_difference_settles_it(registry: Path, check) -> None:
    _twin(registry, lambda d: d["cells"]["soc2_type2"]["facts"].update(
        services_in_scope=["Synthetic service in scope"]))
    assert check(registry, "--select", "TR124").lines == []


def test_a_variant_carrying_the_other_grade_settles_it(registry: Path, check) -> None:
    source = synthetic(registry)["cells"]["soc2_type2"]["sources"][0]
    _twin(registry, lambda d: d["cells"]["soc2_type2"].update(variants=[{
        "scope": "plan", "applies_to": "Synthetic enterprise plan", "status": "yes_sales_gated",
        "caveat": "Synthetic caveat.", "sources": [source]}]))
    assert check(registry, "--select", "TR124").lines == []


def test_different_pages_or_platforms_are_not_compared(registry: Path, check) -> None:
    def other_page(data: dict) -> None:
        for source in data["cells"]["soc2_type2"]["sources"]:
            source["url"] += "/synthetic-other-page"
    _twin(registry, other_page)
    assert check(registry, "--select", "TR124").lines == []
    _twin(registry, lambda d: d.update(platform="european-commission"))
    assert check(registry, "--select", "TR124").lines == []


def test_question_page_claims_one_grade_only_where_the_grades_agree(registry: Path) -> None:
    from trustreg.api import load_registry
    from trustreg.publish.site import question_page
    from trustreg.publish.stamps import Stamps

    _twin(registry)
    built = load_registry(registry, strict=False)  # the TR124 finding stands; the page is honest
    stamps = Stamps("2026-07-05", "today", 365)
    page = question_page(built, "soc2_type2", stamps)
    assert "graded differently here" in page and "One grade for its" not in page
    assert "One grade for its 2 offerings" in question_page(built, "iso_27001", stamps)

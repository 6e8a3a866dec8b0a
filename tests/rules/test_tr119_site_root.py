"""TR119: a bare home page backs a positive grade only with a quote."""

from pathlib import Path

import pytest

from .conftest import mutate


def _home_page(quote: str | None = None, kind: str = "documentation", url: str = "https://vendor.example/"):
    def change(data: dict) -> None:
        source = data["cells"]["iso_27001"]["sources"][0]
        source.update(url=url, kind=kind)
        if quote:
            source["quote"] = quote
    return change


def test_home_page_without_quote_fails(registry: Path, check) -> None:
    mutate(registry, _home_page())
    result = check(registry)
    assert result.codes() == ["TR119"]
    assert "iso_27001 is graded yes_public on a site's home page (vendor.example) without a quote" \
        in result.lines[0]
    assert "cite the page that states it, or add `quote:`" in result.lines[0]


@pytest.mark.parametrize("url", ["https://vendor.example/./", "https://vendor.example/x/../",
                                 "https://VENDOR.example:443/%2e/", "https://vendor.example/?lang=en"])
def test_another_spelling_of_the_home_page_fails(registry: Path, check, url: str) -> None:
    mutate(registry, _home_page(url=url))
    assert check(registry).codes() == ["TR119"]


def test_home_page_with_quote_passes(registry: Path, check) -> None:
    mutate(registry, _home_page("Synthetic: certified to ISO/IEC 27001"))
    assert check(registry).lines == []


def test_trust_center_home_page_and_negative_grades_pass(registry: Path, check) -> None:
    mutate(registry, _home_page(kind="trust_center"))
    mutate(registry, lambda d: d["cells"]["art53_summary"]["sources"][0].update(
        url="https://docs.vendor.example/"))
    assert check(registry).lines == []

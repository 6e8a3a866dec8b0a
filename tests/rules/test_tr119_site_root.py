"""TR119: a bare home page (a locale root included) backs a grade that needs evidence only with a quote."""

from pathlib import Path

import pytest

from .conftest import mutate


def _home_page(quote: str | None = None, kind: str = "documentation",
               url: str = "https://vendor.example/"):
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
    mutate(registry, _home_page(kind="trust_center", url="https://trust.vendor.example/"))
    mutate(registry, lambda d: d["cells"]["art53_summary"]["sources"][0].update(
        url="https://docs.vendor.example/"))
    assert check(registry).lines == []


@pytest.mark.parametrize("url", ["https://vendor.example/en-us/", "https://vendor.example/fr",
                                 "https://vendor.example/zh-hans/", "https://vendor.example/de_DE/"])
def test_locale_home_page_without_quote_fails(registry: Path, check, url: str) -> None:
    mutate(registry, _home_page(url=url))
    result = check(registry)
    assert result.codes() == ["TR119"]
    assert "iso_27001 is graded yes_public on a site's home page (vendor.example) without a quote" \
        in result.lines[0]


@pytest.mark.parametrize("url", ["https://vendor.example/security", "https://vendor.example/en-us/security"])
def test_a_page_below_the_home_page_passes(registry: Path, check, url: str) -> None:
    mutate(registry, _home_page(url=url))
    assert check(registry).lines == []


def _partial_on_home_page(quote: str | None = None):
    def change(data: dict) -> None:
        source = data["cells"]["gdpr_dpa"]["sources"][0]
        source.update(url="https://vendor.example/", kind="documentation")
        if quote:
            source["quote"] = quote
    return change


def test_home_page_backing_partial_without_quote_fails(registry: Path, check) -> None:
    mutate(registry, _partial_on_home_page())
    result = check(registry)
    assert result.codes() == ["TR119"]
    assert "gdpr_dpa is graded partial on a site's home page (vendor.example) without a quote" \
        in result.lines[0]


def test_home_page_backing_partial_with_quote_passes(registry: Path, check) -> None:
    mutate(registry, _partial_on_home_page("Synthetic: our subprocessors are listed publicly"))
    assert check(registry).lines == []


@pytest.mark.parametrize("path", ["faq", "dpa", "zdr", "api", "security"])
def test_a_short_page_name_is_not_a_locale_root(registry: Path, check, path: str) -> None:
    mutate(registry, _home_page(url=f"https://vendor.example/{path}"))
    assert check(registry).lines == []


@pytest.mark.parametrize("path", ["en", "en-us/", "pt_BR/", "zh-hans/", "es-419/"])
def test_locale_roots_of_every_shape_are_home_pages(registry: Path, check, path: str) -> None:
    mutate(registry, _home_page(url=f"https://vendor.example/{path}"))
    assert check(registry).codes() == ["TR119"]

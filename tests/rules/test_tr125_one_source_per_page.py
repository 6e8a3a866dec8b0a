"""TR125: a cell cites each page once, however its URL is spelled."""

from pathlib import Path

import pytest

from .conftest import mutate


@pytest.mark.parametrize("spelling", ["https://trust.vendor.example/./", "https://trust.vendor.example/x/../",
                                      "https://TRUST.vendor.example:443/#faq"])
def test_two_spellings_of_one_page_in_a_cell_fail(registry: Path, check, spelling: str) -> None:
    def twice(data: dict) -> None:
        sources = data["cells"]["iso_42001"]["sources"]
        sources.append(dict(sources[0], url=spelling))
    mutate(registry, twice)
    result = check(registry, "--select", "TR125")
    assert result.codes() == ["TR125"]
    assert ("iso_42001: source 2 cites the page source 1 cites (https://trust.vendor.example)"
            in result.lines[0])


def test_one_source_per_page_passes(registry: Path, check) -> None:
    def another(data: dict) -> None:
        sources = data["cells"]["iso_42001"]["sources"]
        sources.append(dict(sources[0], url="https://trust.vendor.example/certificates"))
    mutate(registry, another)
    assert check(registry, "--select", "TR125").lines == []

"""TR107: published links are plain https without credentials or script schemes."""

from pathlib import Path

import pytest

from .conftest import mutate


@pytest.mark.parametrize(("url", "problem"), [
    ("javascript:alert(1)", "uses the javascript: scheme"),
    ("data:text/html;base64,PHNjcmlwdD4=", "uses the data: scheme"),
    ("https://trust center.cohere.com/<script>", "is not a valid uri"),
    ("http://trustcenter.cohere.com", "is not https"),
    ("https://user:secret@trustcenter.cohere.com", "carries credentials"),
])
def test_unsafe_archive_url_fails(registry: Path, check, url: str, problem: str) -> None:
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][0].update(archived=url))
    result = check(registry, "--select", "TR107")
    assert result.codes() == ["TR107"]
    assert problem in result.lines[0]


def test_https_url_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][0].update(
        archived="https://web.archive.org/web/2026/https://trustcenter.cohere.com"))
    assert check(registry, "--select", "TR107").lines == []

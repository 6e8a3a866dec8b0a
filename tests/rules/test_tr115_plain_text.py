"""TR115: data texts are plain text."""

from pathlib import Path

import pytest

from .conftest import mutate


@pytest.mark.parametrize(("text", "what"), [
    ("See <script>alert(1)</script>.", "an HTML tag"),
    ("See [the FAQ](https://example.com/faq).", "a Markdown link or image"),
    ("Open javascript:alert(1) now.", "a script or data URL"),
])
def test_markup_in_evidence_fails(registry: Path, check, text: str, what: str) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(evidence=text))
    result = check(registry)
    assert result.codes() == ["TR115"]
    assert f"evidence contains {what}" in result.lines[0]


def test_plain_text_with_brackets_and_comparisons_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(
        evidence="Retention is < 30 days [per FAQ] (2026); see the trust center."))
    assert check(registry, "--select", "TR115").lines == []

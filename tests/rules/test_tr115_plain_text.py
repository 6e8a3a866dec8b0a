"""TR115: data texts are plain text."""

from pathlib import Path

import pytest
from trustreg.rules.tr115_plain_text import markup

from .conftest import mutate


@pytest.mark.parametrize(("text", "what"), [
    ("See <script>alert(1)</script>.", "an HTML tag"),
    ("See [the FAQ](https://example.com/faq).", "a Markdown link or image"),
    ("Open javascript:alert(1) now.", "a script or data URL"),
    ("See [the [official] FAQ](https://example.com/faq).", "a Markdown link or image"),
    ("See [the FAQ][1].", "a Markdown link or image"),
    ("See the FAQ.\n[1]: https://example.com/faq", "a Markdown link or image"),
    ("See [the\nFAQ](https://example.com/faq).", "a Markdown link or image"),
    ("See ![logo](https://example.com/x.png).", "a Markdown link or image"),
    ("See <https://example.com/faq>.", "a Markdown autolink"),
])
def test_markup_in_evidence_fails(registry: Path, check, text: str, what: str) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(evidence=text))
    result = check(registry)
    assert result.codes() == ["TR115"]
    assert f"evidence contains {what}" in result.lines[0]


def test_plain_text_with_brackets_and_comparisons_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(
        evidence="A x](y is no link; retention is < 30 days [per FAQ] (2026); see the trust center."))
    assert check(registry, "--select", "TR115").lines == []


@pytest.mark.parametrize(("text", "what"), [
    ("[" * 1_000_000, None),
    ("[" + "](" * 500_000, "a Markdown link or image"),
    ("\n[" * 500_000, None),
    (("[" + "a" * 99 + "\n") * 10_000, None),
    ("<" + " " * 1_000_000, None),
    ("data" + " " * 1_000_000, None),
    ("<a" * 500_000, "an HTML tag"),
    ("x" * 1_000_000 + "[1]: https://example.com", None),  # a definition starts its line
])
def test_megabyte_inputs_are_judged_right(text: str, what: str | None) -> None:
    """Adversarial inputs for the old, quadratic patterns (benchmarks/bench_hostile.py times them)."""
    assert markup(text) == what

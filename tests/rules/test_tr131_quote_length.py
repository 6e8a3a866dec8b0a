"""TR131: a quote holds at most 50 words outside its elisions."""

from pathlib import Path

from .conftest import mutate


def _quote(text: str):
    return lambda d: d["cells"]["hipaa_baa"]["sources"][0].update(quote=text)


def test_a_51_word_quote_fails(registry: Path, check) -> None:
    mutate(registry, _quote(" ".join(["word"] * 51)))
    result = check(registry, "--select", "TR131")
    assert result.codes() == ["TR131"] and "the quote holds 51 words, more than 50" in result.lines[0]


def test_50_words_around_elisions_pass(registry: Path, check) -> None:
    mutate(registry, _quote(" ".join(["word"] * 25) + " [...] " + " ".join(["word"] * 25)))
    assert check(registry, "--select", "TR131").lines == []

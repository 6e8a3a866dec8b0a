"""TR132: a documented no is quoted in words that state it."""

from pathlib import Path

import pytest

from .conftest import mutate


def _documented_no(quote: str):
    def change(data: dict) -> None:
        cell = data["cells"]["hipaa_baa"]
        cell["status"] = "documented_no"
        cell["sources"][0]["quote"] = quote
    return change


@pytest.mark.parametrize("quote", ["No.", "[...]", "[...] not [...] covered [...]", "does not cover",
                                   "No, no, no, no.", "We do not. [...] No, we do not [...]"])
def test_a_quote_that_states_nothing_fails(registry: Path, check, quote: str) -> None:
    mutate(registry, _documented_no(quote))
    result = check(registry, "--select", "TR132")
    assert result.codes() == ["TR132"]
    assert "it does not state the no" in result.lines[0]


def test_a_sentence_that_says_no_passes(registry: Path, check) -> None:
    mutate(registry, _documented_no("the BAA does not cover hosted products"))
    assert check(registry, "--select", "TR132").lines == []

"""Quote matching forgives what copying changes, and says where it found the quote or why not."""

from __future__ import annotations

import pytest
from trustreg.quotes import find_quote, normalise

PAGE = ("Synthetic Vendor\u00a0does not train on customer\n  data \u2014 by default. Its \u201cZero Data "
        "Retention\u201d option is avail\u00adable to enterprise customers.")


@pytest.mark.parametrize("quote", [
    "does not train on customer data - by default",  # whitespace, dash
    'Its "Zero Data Retention" option',  # straight for typographic quotes
    "SYNTHETIC VENDOR DOES NOT TRAIN",  # case
    "Synthetic Vendor [...] customer data [\u2026] enterprise customers.",  # elisions
    "option is available",  # soft hyphen
])
def test_found(quote: str) -> None:
    match = find_quote(quote, PAGE)
    assert match.found and match.offset is not None
    assert PAGE[match.offset:].startswith(quote.split(" ")[0].replace("SYNTHETIC", "Synthetic"))


def test_offset_points_into_the_original_text() -> None:
    match = find_quote("customer data", PAGE)
    assert match.offset == PAGE.index("customer")
    assert "customer data" in match.context


def test_elided_parts_must_come_in_order() -> None:
    match = find_quote("enterprise customers [...] does not train", PAGE)
    assert not match.found and match.reason.startswith("part 2 of 2 of the quote is not on the page")


def test_says_how_far_the_quote_got() -> None:
    match = find_quote("does not train on partner data", PAGE)
    assert not match.found
    assert match.reason == ("the quote is not on the page: its first 4 of 6 words are, at character "
                            "17, then the page reads “customer data — by default. Its “Zero Data "
                            "Retention” opt”")


def test_nothing_of_the_quote() -> None:
    assert find_quote("xyzzy plugh", PAGE).reason == ("the quote is not on the page (not even its "
                                                      "first word “xyzzy”)")


@pytest.mark.parametrize(("quote", "text", "reason"), [
    ("[...]", PAGE, "the quote is empty"),
    ("anything", " \n ", "the page has no readable text"),
])
def test_degenerate_inputs(quote: str, text: str, reason: str) -> None:
    assert find_quote(quote, text).reason == reason


def test_normalise_keeps_a_map_to_the_original() -> None:
    folded, where = normalise("  A\u2019b \u00a0 c")
    assert [where.origin(i) for i in range(len(folded))] == [2, 3, 4, 7, 8]
    assert folded == "a'b c"


@pytest.mark.parametrize(("quote", "found"), [
    ("does not train on customer data - by default", True),
    ("Synthetic Vendor [...] enterprise customers.", True),
    ("enterprise customers [...] Synthetic Vendor", False),
])
def test_quick_answer_agrees(quote: str, found: bool) -> None:
    assert find_quote(quote, PAGE, locate=False).found is found
    assert find_quote(quote, PAGE).found is found

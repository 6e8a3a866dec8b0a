"""Quote matching forgives what copying changes, and says where it found the quote or why not."""

from __future__ import annotations

import pytest
from trustreg.quotes import find_quote, normalise, substantive_words

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


@pytest.mark.parametrize(("quote", "text"), [
    ("eligible for HIPAA", "Free accounts are ineligible for HIPAA workloads."),
    ("signs a BAA", "Cohere cosigns a BAA"),
    ("SOC 2", "SOC 22 report"),
    ("data [...] retained", "metadata is not unretained"),  # elided parts are whole words too
])
def test_no_match_inside_words(quote: str, text: str) -> None:
    match = find_quote(quote, text)
    assert not match.found and not find_quote(quote, text, locate=False).found
    assert "only as part of longer words" in match.reason or "not on the page" in match.reason


def test_inside_words_says_so() -> None:
    match = find_quote("eligible for HIPAA", "Free accounts are ineligible for HIPAA workloads.")
    assert match.reason.startswith("the quote is on the page only as part of longer words, at "
                                   "character 20")


@pytest.mark.parametrize(("quote", "text", "found"), [
    ("eligible for HIPAA.", "Accounts are eligible for HIPAA.", True),
    ("(HIPAA)", "covered (HIPAA) workloads", True),
    ("30 days", "deleted within 3\u2070 days", False),  # no NFKC: a superscript is no digit
    ("3\u2070 days", "deleted within 3\u2070 days", True),
    ("file", "\ufb01le", False),  # nor a ligature two letters
    ("不会使用您的数据", "我们不会使用您的数据训练模型", True),  # no spaces between words
    ("ไม่ใช้ข้อมูล", "เราไม่ใช้ข้อมูลของคุณ", True),
    ("İstanbul office", "our \u0130stanbul office", True),
    ("retention... of data", "retention\u2026 of data", True),
])
def test_folding_forgives_only_copying(quote: str, text: str, found: bool) -> None:
    assert find_quote(quote, text).found is found
    assert find_quote(quote, text, locate=False).found is found


def test_offsets_survive_ignored_characters_and_blank_runs() -> None:
    text = "\u200b \n Data \u200b\u00a0 is  not\u00ad\u200b retained\u2026 ever"
    match = find_quote("is not retained... ever", text)
    assert match.found and match.offset == text.index("is")
    assert match.context == " ".join(text.split())


@pytest.mark.parametrize(("quote", "words"), [
    ("[...]", []), ("[ … ]", []), ("No.", []), ("no", []), ("Not [...] no.", []),
    ("We do not sign BAAs.", ["sign", "baas"]),
    ("HIPAA [...] not supported", ["hipaa", "supported"]),
])
def test_substantive_words(quote: str, words: list[str]) -> None:
    assert substantive_words(quote) == words


def test_page_text_in_messages_cannot_drive_a_terminal() -> None:
    page = "Intro \x1b[2J\x1b]0;owned\x07 text \u202eevil\u202c and more words here"
    found = find_quote("text", page)
    assert found.found and "\x1b" not in found.context and "\u202e" not in found.context
    missing = find_quote("intro text nowhere", page)
    assert not any(c in missing.reason for c in "\x1b\x07\u202e\u202c")

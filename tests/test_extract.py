"""A page's text is what a browser shows: its charsets, its hidden elements, and PDFs read within bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import pagetext
from trustreg.extract import ExtractError, decode, extract

from . import netserver


@pytest.mark.parametrize("label", ["rot13", "rot_13", "hex", "idna", "unicode_escape", "utf-7",
                                   "utf7", "base64", "zlib", "punycode", "raw_unicode_escape",
                                   "undefined", "mbcs", "palmos"])
@pytest.mark.parametrize("where", ["header", "meta"])
def test_python_codecs_no_browser_knows_are_ignored(label: str, where: str) -> None:
    """The body is read as unlabelled (UTF-8 here): no crash, no text a browser would not show."""
    body = (b"<p>Guvf +AEg-ello \\u0063ompliant \xc3\xa9t\xc3\xa9 " + b"a" * 70 + b".example</p>")
    if where == "meta":
        body = b'<head><meta charset="' + label.encode() + b'"></head>' + body
    text = extract(body, f"text/html; charset={label}" if where == "header" else "text/html").text
    assert "Guvf +AEg-ello \\u0063ompliant été" in text


@pytest.mark.parametrize(("label", "body", "text"), [
    ("latin1", b"\x93quoted\x94", "\u201cquoted\u201d"),  # WHATWG: latin1 is windows-1252
    ("ISO-8859-1", b"\x80", "\u20ac"),
    ("ascii", b"caf\xe9", "caf\u00e9"),
    ("x-mac-cyrillic", b"\x80", "\u0410"),
    ("iso-2022-kr", b"anything", "\ufffd"),  # the replacement encoding: nothing to read
])
def test_whatwg_labels_name_their_encodings(label: str, body: bytes, text: str) -> None:
    assert decode(body, f"text/html; charset={label}").startswith(text)


def test_a_meta_utf16_label_means_utf8() -> None:
    body = '<meta charset="utf-16"><p>été</p>'.encode()
    assert "été" in decode(body, "text/html")


HIDDEN = ("<body><p>Shown.</p><p hidden>Attribute hidden.</p>"
          "<div style='color: red; display : none'>Inline none.</div>"
          "<div style='DISPLAY:none!important'>Important none. <b hidden>Nested.</b></div>"
          "<section hidden><p style='display:none'>Both.</p></section>"
          "<span aria-hidden='true'>Icon label.</span>"
          "<div hidden='until-found'>Collapsed answer.</div>"
          "<p style='display: block'>Block.</p></body>")


def test_hidden_elements_are_not_page_text() -> None:
    text = extract(HIDDEN.encode(), "text/html").text
    for gone in ("Attribute hidden", "Inline none", "Important none", "Nested", "Both"):
        assert gone not in text
    for shown in ("Shown.", "Icon label.", "Collapsed answer.", "Block."):
        assert shown in text


def test_a_hostile_pdf_ends_at_its_deadline() -> None:
    """500 pages sharing one compressed content stream: minutes of pypdf, unless stopped."""
    with pytest.raises(ExtractError, match=r"^reading the PDF took more than 1 s$"):
        extract(netserver.hostile_pdf(), "application/pdf", seconds=1)


def test_pdf_text_is_cut_at_the_caps() -> None:
    pdf = netserver.hostile_pdf(pages=4, operators=100)  # 100 "ab" lines a page
    assert pagetext.read_pdf(pdf, max_pages=2)["text"].count("ab") == 200
    assert len(pagetext.read_pdf(pdf, max_chars=50)["text"]) == 50


@pytest.mark.parametrize("markup", [
    "<i a b c d e f g h i j k l m n o p>x</i>",  # attributes: ~100 bytes each
    "<span>a</span><b>b</b>",  # elements and text nodes
], ids=["attributes", "elements"])
def test_markup_dense_big_pages_are_read_within_a_memory_bound(markup: str) -> None:
    """10 MB of it would take 350 MB or more to parse: the child process stops at its limit."""
    body = ("<html><body><p>Shown.</p>" + markup * (10 * 2**20 // len(markup))).encode()
    with pytest.raises(ExtractError, match=r"^reading the HTML (needs more|stopped at its limits)"):
        extract(body, "text/html", seconds=10)


def test_big_pages_read_in_a_child_process_keep_their_text() -> None:
    body = ("<title>Big</title><p hidden>Gone.</p>"
            + "<p>Customer data stays in the EU.</p>" * 40_000).encode()
    read = extract(body, "text/html")
    assert read.title == "Big" and "Gone" not in read.text
    assert read.text.count("Customer data stays in the EU.") == 40_000


def test_watch_reports_a_hostile_pdf_as_unreachable(registry: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from .nettools import point_sources, resolve_args, trustreg

    with netserver.serve_in_context() as server:
        point_sources(registry, soc2_type2=("/hostile.pdf", None))
        status, out, _ = trustreg(registry, capsys, "watch", "--timeout", "1", "--delay", "0",
                                  *resolve_args(server))
    assert status == 1
    assert "/hostile.pdf [cohere-api soc2_type2]: reading the PDF took more than 1 s" in out

"""The part of docs/FORMAT.md on drafts, copies, quotes and excerpts (`trustreg reference`)."""

from __future__ import annotations

from .jsonschemas.data_files import excerpt_schema
from .publish.reference import field_table
from .rules import RULES
from .vocabulary import NOT_STATED

EVIDENCE_RULES = ("TR130", "TR131", "TR132", "TR133", "TR134", "TR135", "TR137", "TR205")


def evidence_reference() -> list[str]:
    """Markdown lines: how a cell says it was read, the excerpt file, and the rules binding them."""
    schema = excerpt_schema()
    copy = schema["properties"]["copy"]
    return [
        "## Drafts, copies, quotes and excerpts", "",
        "A cell is either verified (`verified`: a person verified it against the live pages that "
        "day) or a draft (`draft: {by, date}`: graded from copies of the cited pages, or not yet "
        "checked live; it has no verified date). A primary source says how its text was read: "
        "`retrieved` (the live page, that day) or `copy` (a copy of the page: where it is held, "
        "its address and capture date when known; never a `retrieved` date). The source's `url` "
        "is always the vendor's own page. Pages show a draft as \"graded from copies of the cited "
        "pages; not yet verified live\", and an offering's \"verified as of\" date counts "
        "verified cells only.", "",
        "### A copy: `sources[].copy` (and an excerpt's `copy`)", "", *field_table(copy, {}), "",
        "### An excerpt: `excerpts/<host>/<slug>.yaml`", "",
        "For each page a primary source quotes, the repository keeps short passages of the page's "
        "text around the quoted words, so `trustreg check` verifies quotes offline (in CI and "
        "pre-commit too). `<host>` is the URL's host; `<slug>` its path in lower case with every "
        "character other than `a-z`, `0-9`, `.` and `-` made `-`, trimmed of `-` and `.` (`index` "
        "for the root). One file per page: URLs that differ only in case of scheme and host, "
        "default port, fragment or a trailing slash are the same page (the query is kept). "
        "`trustreg cite` writes the excerpt of a page read live.", "",
        *field_table(schema, {}), "",
        "Exactly one of `copy` (exactly as on the sources that cite the page) or `retrieved` + "
        "`sha256` (a live read: the SHA-256 of the page's readable text with whitespace folded, "
        "as `trustreg watch` computes it).", "",
        "### The rules on quotes and excerpts", "",
        *(f"- `{code}` {RULES[code].name}: {RULES[code].summary}" for code in EVIDENCE_RULES), "",
        "A quote's parts are its text split at `[...]` (or `[…]`); a part is found in a passage "
        "as `trustreg watch` finds quotes on pages: whitespace, typographic quotes and dashes, "
        "invisible characters and letter case aside.", "",
        f"### Values not stated: `{NOT_STATED}`", "",
        f"Where an imported review trail does not state a review's person (`by`), its kind "
        f"(`reviewer`) or its `confidence`, write `{NOT_STATED}`: never a placeholder that reads "
        "as an attestation. Pages show it as \"not stated\".", "",
    ]

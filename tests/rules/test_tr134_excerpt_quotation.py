"""TR134: every passage of an excerpt holds a quoted part; no excerpt stands uncited."""

from pathlib import Path

from .evidence import PASSAGES, TRUST, drafted, write_excerpt


def test_a_passage_without_quoted_words_fails(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, TRUST, [*PASSAGES[TRUST], "Another paragraph of the page, quoted by none."])
    result = check(registry, "--select", "TR134")
    assert result.lines == ["excerpts/trust.vendor.example/index.yaml:8:3: TR134 not a quotation of a "
                            "cited quote: remove the passage (an excerpt keeps only the page's text "
                            "around quoted words)"]


def test_an_excerpt_no_source_quotes_fails(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, "https://vendor.example/other-page", ["Synthetic text nobody quotes."])
    result = check(registry, "--select", "TR134")
    assert result.codes() == ["TR134"]
    assert "no primary source quotes https://vendor.example/other-page" in result.lines[0]


def test_each_passage_around_one_part_of_an_elided_quote_passes(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, TRUST, ["Synthetic Corp undergoes an annual SOC 2 Type II audit.",
                                    "The report under a mutual NDA, on request."])
    assert check(registry, "--select", "TR134,TR135").lines == []


def test_an_excerpt_quoted_by_a_cell_with_a_schema_error_is_not_called_uncited(registry: Path,
                                                                               check) -> None:
    path = drafted(registry)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "status: yes_sales_gated", "status: yes_sales_gatd", 1), encoding="utf-8")
    assert check(registry, "--select", "TR100,TR134").codes() == ["TR100"]

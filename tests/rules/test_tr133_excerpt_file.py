"""TR133: an excerpt file is named after its page's URL; one file per page."""

from pathlib import Path

from .evidence import PASSAGES, TRUST, drafted, write_excerpt


def test_misnamed_excerpt_fails(registry: Path, check) -> None:
    drafted(registry)
    (registry / "excerpts/trust.vendor.example/index.yaml").rename(
        registry / "excerpts/trust.vendor.example/home.yaml")
    result = check(registry, "--select", "TR133")
    assert result.lines == ["excerpts/trust.vendor.example/home.yaml:1:6: TR133 the excerpt of "
                            "https://trust.vendor.example is named excerpts/trust.vendor.example/"
                            "index.yaml (rename the file to excerpts/trust.vendor.example/index.yaml)"]


def test_a_second_file_of_the_same_page_fails(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, TRUST + "/#faq", PASSAGES[TRUST], name="excerpts/trust.vendor.example/faq.yaml")
    result = check(registry, "--select", "TR133")
    assert result.codes() == ["TR133"]
    assert "which exists: a page has one excerpt file" in result.lines[0]


def test_unsafe_excerpt_url_fails(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, "http://trust.vendor.example", PASSAGES[TRUST],
                  name="excerpts/trust.vendor.example/x.yaml")
    result = check(registry, "--select", "TR133")
    assert result.codes() == ["TR133"] and "is not https" in result.lines[0]


def test_excerpts_named_after_their_pages_pass(registry: Path, check) -> None:
    drafted(registry)
    assert check(registry, "--select", "TR133").lines == []

"""TR130: a draft whose grade needs evidence quotes every primary source."""

from pathlib import Path

from .conftest import synthetic, write
from .evidence import as_draft, drafted


def test_draft_with_an_unquoted_primary_source_fails(registry: Path, check) -> None:
    data = synthetic(registry)
    as_draft(data)
    data["cells"]["soc2_type2"]["sources"][1].pop("quote")
    write(registry, data)
    result = check(registry, "--select", "TR130")
    assert result.codes() == ["TR130"]
    assert "soc2_type2 is a draft graded yes_sales_gated, but this primary source has no quote" \
        in result.lines[0]


def test_draft_variant_needs_quotes_too(registry: Path, check) -> None:
    data = synthetic(registry)
    as_draft(data)
    data["cells"]["soc2_type2"]["variants"] = [{
        "scope": "plan", "applies_to": "Test plan", "status": "partial", "caveat": "Test caveat.",
        "sources": [{"url": "https://vendor.example/security", "title": "Test", "kind": "documentation",
                     "role": "primary", "copy": {"held_by": "Test archive"}}]}]
    write(registry, data)
    result = check(registry, "--select", "TR130")
    assert result.codes() == ["TR130"] and "draft graded partial" in result.lines[0]


def test_quoted_draft_with_excerpts_is_clean(registry: Path, check) -> None:
    drafted(registry)
    result = check(registry)
    assert result.status == 0 and result.lines == []


def test_verified_cell_without_quotes_passes(registry: Path, check) -> None:
    assert check(registry, "--select", "TR130").lines == []


def test_draft_graded_no_public_evidence_needs_no_quote(registry: Path, check) -> None:
    data = synthetic(registry)
    as_draft(data, "art53_summary", quotes=False)
    write(registry, data)
    assert check(registry, "--select", "TR130").lines == []

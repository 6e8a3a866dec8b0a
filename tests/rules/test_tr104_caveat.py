"""TR104: watch-out cells carry a caveat."""

from pathlib import Path

from .conftest import mutate


def test_partial_without_caveat_fails(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["gdpr_dpa"].pop("caveat"))
    result = check(registry)
    assert result.codes() == ["TR104"]
    assert "caveat is required when status is partial (add a one-line caveat)" in result.lines[0]


def test_yes_public_needs_no_caveat(registry: Path, check) -> None:
    data_cell = "iso_27001"
    mutate(registry, lambda d: d["cells"][data_cell].pop("caveat", None))
    assert check(registry, "--select", "TR104").lines == []


def _variant(status: str, caveat: str | None = None) -> dict:
    variant = {"scope": "plan", "applies_to": "Synthetic free plan", "status": status,
               "caveat": caveat,
               "sources": [{"url": "https://vendor.example/terms", "title": "Synthetic terms",
                            "kind": "legal", "role": "primary", "retrieved": "2026-07-05"}]}
    return {k: v for k, v in variant.items() if v is not None}


def test_watch_out_variant_without_caveat_fails(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(variants=[_variant("partial")]))
    result = check(registry)
    assert result.codes() == ["TR104"]
    assert ":cells.iso_27001.variants" not in result.lines[0]  # a place, not a dotted path
    assert "caveat is required when status is partial" in result.lines[0]


def test_watch_out_variant_with_caveat_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(
        variants=[_variant("partial", "Synthetic: free plan is not covered.")]))
    assert check(registry).lines == []

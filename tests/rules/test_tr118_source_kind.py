"""TR118: primary sources say what kind of page they are, and only primary kinds are primary."""

from pathlib import Path

import pytest

from .conftest import line_of, mutate


def test_primary_source_without_kind_fails(registry: Path, check) -> None:
    path = mutate(registry, lambda d: d["cells"]["iso_42001"]["sources"][0].pop("kind"))
    result = check(registry)
    assert result.codes() == ["TR118"]
    assert "primary source does not say what kind of page it is" in result.lines[0]
    assert "add `kind:`, one of: trust_center, documentation, legal" in result.lines[0]
    line = int(result.lines[0].split(":")[1])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1] == "      role: primary"
    assert line > line_of(path, "iso_42001:")


@pytest.mark.parametrize("kind", ["blog", "forum", "press", "announcement"])
def test_lead_kind_cited_as_primary_fails(registry: Path, check, kind: str) -> None:
    mutate(registry, lambda d: d["cells"]["iso_42001"]["sources"][0].update(kind=kind))
    result = check(registry)
    assert result.codes() == ["TR118"]
    assert f"a {kind} page is a lead, not a primary source" in result.lines[0]


def test_lead_kind_as_lead_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_42001"]["sources"].append(
        {"url": "https://forum.example.com/t/1", "title": "Synthetic forum thread",
         "kind": "forum", "role": "lead"}))
    assert check(registry).lines == []

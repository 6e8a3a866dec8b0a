"""TR121: grade and route agree; certifications have no behaviour default."""

from pathlib import Path

import pytest

from .conftest import mutate


@pytest.mark.parametrize(("dim", "route"), [("iso_27001", "nda"), ("iso_27001", "sales_contract"),
                                            ("iso_27001", "approval"), ("soc2_type2", "public")])
def test_route_contradicting_the_grade_fails(registry: Path, check, dim: str, route: str) -> None:
    mutate(registry, lambda d: d["cells"][dim].update(route=route))
    result = check(registry)
    assert result.codes() == ["TR121"]
    assert f"but its route is {route}" in result.lines[0]


@pytest.mark.parametrize(("dim", "route"), [("iso_27001", "sign_in"), ("soc2_type2", "approval"),
                                            ("soc2_type2", "sales_contract")])
def test_route_matching_the_grade_passes(registry: Path, check, dim: str, route: str) -> None:
    mutate(registry, lambda d: d["cells"][dim].update(route=route))
    assert check(registry, "--select", "TR121").lines == []


def test_default_on_a_certification_fails(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_42001"].update(default="enabled"))
    result = check(registry)
    assert result.codes() == ["TR121"]
    assert "iso_42001 is a certification: `default` describes a behaviour" in result.lines[0]

"""TR111: offerings of one developer agree on the developer-graded cells, grades and facts."""

from pathlib import Path

from trustreg import loader

from .conftest import OFFERING, line_of, synthetic, write

PARTNER = "offerings/synthetic-partner.yaml"


def _second_offering(registry: Path, gpai_status: str, chapters: str = "all") -> None:
    data = synthetic(registry)
    data["id"] = "synthetic-partner"
    data["cells"]["gpai_cop"]["status"] = gpai_status
    data["cells"]["gpai_cop"]["caveat"] = "Synthetic test caveat."
    data["cells"]["gpai_cop"]["facts"]["chapters"] = chapters
    write(registry, data, PARTNER)


def test_disagreement_is_reported_in_every_file_naming_the_other(registry: Path, check) -> None:
    _second_offering(registry, "partial", "safety_and_security")
    result = check(registry, "--select", "TR111")
    assert result.codes() == ["TR111", "TR111"]
    offering_line, partner_line = sorted(result.lines)
    offering_at, partner_at = (line.split(":")[1] for line in (offering_line, partner_line))
    assert offering_line.startswith(f"{OFFERING}:")
    assert f"gpai_cop is yes_public here but {PARTNER}:{partner_at} has partial" in offering_line
    assert f"gpai_cop is partial here but {OFFERING}:{offering_at} has yes_public" in partner_line
    assert "status: partial" in (registry / PARTNER).read_text().splitlines()[int(partner_at) - 1]


def test_per_file_check_of_either_file_reports_it(registry: Path, check) -> None:
    _second_offering(registry, "partial", "safety_and_security")
    for path in (OFFERING, PARTNER):
        result = check(registry, "--select", "TR111", str(registry / path))
        assert result.codes() == ["TR111"] and result.lines[0].startswith(f"{path}:")


def test_facts_disagreement_is_reported_at_the_facts(registry: Path, check) -> None:
    _second_offering(registry, "yes_public", "transparency")
    result = check(registry, "--select", "TR111")
    assert result.codes() == ["TR111", "TR111"]
    assert all("(chapters: " in line for line in result.lines)
    assert any(line.startswith(f"{PARTNER}:{line_of(registry / PARTNER, 'chapters:')}:")
               for line in result.lines)


def test_agreeing_developer_grade_passes(registry: Path, check) -> None:
    _second_offering(registry, "yes_public")
    assert check(registry, "--select", "TR111").lines == []


def test_conflict_is_reported_beside_an_unrelated_schema_error(registry: Path, check) -> None:
    _second_offering(registry, "partial", "safety_and_security")
    data = synthetic(registry)
    data["cells"]["soc2_type2"]["reviews"] = [{"date": "2026-07-05", "by": "Synthetic", "reviewer": "robot",
                                               "decision": "dismissed", "note": "Synthetic note."}]
    write(registry, data)
    result = check(registry)
    assert sorted(result.codes()) == ["TR100", "TR111", "TR111"]


def test_conflict_is_reported_beside_an_error_outside_the_cells(registry: Path, check) -> None:
    _second_offering(registry, "partial", "safety_and_security")
    data = synthetic(registry)
    data["summary"] = ""
    write(registry, data)
    result = check(registry)
    assert sorted(result.codes()) == ["TR100", "TR111", "TR111"]


def test_a_cell_failing_its_schema_is_left_out_of_the_comparison(registry: Path, check) -> None:
    _second_offering(registry, "partial", "safety_and_security")
    data = loader.load(registry / PARTNER).data
    data["cells"]["gpai_cop"]["confidence"] = "certain"  # the partner's cell itself is broken
    write(registry, data, PARTNER)
    assert check(registry).codes() == ["TR100"]

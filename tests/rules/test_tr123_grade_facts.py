"""TR123: a grade does not contradict the cell's own facts."""

from pathlib import Path

from .conftest import line_of, mutate


def test_yes_public_signatory_of_one_chapter_fails(registry: Path, check) -> None:
    path = mutate(registry, lambda d: d["cells"]["gpai_cop"]["facts"].update(
        chapters="safety_and_security"))
    result = check(registry)
    assert result.codes() == ["TR123"]
    assert result.lines[0].startswith(f"offerings/synthetic-api.yaml:{line_of(path, 'chapters:')}:")
    assert ("gpai_cop is graded yes_public but chapters is safety_and_security; "
            "yes_public needs chapters: all") in result.lines[0]


def test_partial_signatory_of_one_chapter_passes(registry: Path, check) -> None:
    def change(data: dict) -> None:
        cell = data["cells"]["gpai_cop"]
        cell.update(status="partial", caveat="Synthetic: one chapter only.")
        cell["facts"]["chapters"] = "safety_and_security"
    mutate(registry, change)
    assert check(registry).lines == []

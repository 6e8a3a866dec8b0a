"""The registry's vocabulary (grades, groups, dimensions, cell enumerations), read from data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import loader
from .findings import FindingError


@dataclass(frozen=True)
class Grade:
    id: str
    label: str
    glyph: str
    meaning: str


@dataclass(frozen=True)
class Group:
    id: str
    label: str


@dataclass(frozen=True)
class Dimension:
    """One cell of every offering: what it asks and which party it grades."""

    id: str
    label: str
    question: str
    group: str
    graded_party: str  # "platform" or "developer"
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Vocabulary:
    grades: dict[str, Grade]
    groups: dict[str, Group]
    dimensions: dict[str, Dimension]
    confidence: tuple[str, ...]
    tier: tuple[str, ...]
    route: tuple[str, ...]
    default: tuple[str, ...]

    def grade_label(self, grade: str) -> str:
        found = self.grades.get(grade)
        return found.label if found else grade

    def dimensions_in(self, group: str) -> list[Dimension]:
        return [d for d in self.dimensions.values() if d.group == group]


def from_data(data: dict[str, Any]) -> Vocabulary:
    """Build the vocabulary from the loaded data of schema/vocabulary.yaml."""
    return Vocabulary(
        grades={g["id"]: Grade(g["id"], g["label"], g["glyph"], g["meaning"]) for g in data["grades"]},
        groups={g["id"]: Group(g["id"], g["label"]) for g in data["groups"]},
        dimensions={
            d["id"]: Dimension(d["id"], d["label"], d["question"], d["group"], d["graded_party"],
                               dict(d.get("facts") or {}))
            for d in data["dimensions"]
        },
        confidence=tuple(data["confidence"]),
        tier=tuple(data["tier"]),
        route=tuple(data["route"]),
        default=tuple(data["default"]),
    )


def load_vocabulary(root: Path) -> Vocabulary:
    """Read schema/vocabulary.yaml of a registry checkout; FindingError when it is not usable."""
    from .schemas import SchemaSet  # which builds on this module

    doc = loader.load(root / "schema" / "vocabulary.yaml", "schema/vocabulary.yaml")
    problems = SchemaSet(root, None).findings(doc, "vocabulary")  # and TR117: what the code reads
    if problems:
        raise FindingError(problems[0])
    return from_data(doc.data)

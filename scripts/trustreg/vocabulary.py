"""The registry's vocabulary (grades, groups, dimensions, cell enumerations), read from data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .pages import LeadShape, is_under, lead_shape

NOT_STATED = "not_stated"  # how the data spells a value its source does not state (a review trail's)


@dataclass(frozen=True)
class Grade:
    id: str
    label: str
    glyph: str
    meaning: str
    positive: bool = False  # a yes of some kind
    evidence: str = "primary"  # none, primary or primary_quote: what the grade must cite
    forbids_routes: tuple[str, ...] = ()


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
    certification: bool = False


@dataclass(frozen=True)
class IndependentParty:
    """An authority, certificate registry or certification body: primary within its remit only."""

    organisation: str
    kind: str
    source_kinds: tuple[str, ...]
    remit: tuple[str, ...]
    needs_quote: bool = False  # its pages back a grade only with a quote naming the graded party


@dataclass(frozen=True)
class PrimaryPage:
    """A reviewed exception: a page that is primary although its address looks like a lead's."""

    url: str
    reason: str


@dataclass(frozen=True)
class Vocabulary:
    grades: dict[str, Grade]
    groups: dict[str, Group]
    dimensions: dict[str, Dimension]
    confidence: tuple[str, ...]
    tier: tuple[str, ...]
    route: tuple[str, ...]
    default: tuple[str, ...]
    format: int = 2
    variant_scope: tuple[str, ...] = ()
    route_info: dict[str, dict[str, str]] = field(default_factory=dict)
    source_kinds: dict[str, dict[str, Any]] = field(default_factory=dict)
    independent: dict[str, IndependentParty] = field(default_factory=dict)
    lead_pages: tuple[LeadShape, ...] = ()
    primary_pages: tuple[PrimaryPage, ...] = ()

    def grade_label(self, grade: str) -> str:
        found = self.grades.get(grade)
        return found.label if found else grade

    def dimensions_in(self, group: str) -> list[Dimension]:
        return [d for d in self.dimensions.values() if d.group == group]

    def rank(self, grade: str) -> int:
        """A grade's place in the vocabulary: a higher rank is a worse answer for the buyer."""
        return list(self.grades).index(grade) if grade in self.grades else len(self.grades)

    @property
    def primary_kinds(self) -> tuple[str, ...]:
        return tuple(k for k, v in self.source_kinds.items() if v["primary"])

    def lead_page(self, url: str) -> tuple[str, str] | None:
        """(kind, why) when url's address shows a lead page that primary_pages does not list."""
        if any(is_under(url, p.url) for p in self.primary_pages):
            return None
        return lead_shape(url, self.lead_pages)


def from_data(data: dict[str, Any]) -> Vocabulary:
    """Build the vocabulary from the loaded data of schema/vocabulary.yaml."""
    return Vocabulary(
        grades={g["id"]: Grade(g["id"], g["label"], g["glyph"], g["meaning"], g.get("positive", False),
                               g.get("evidence", "primary"), tuple(g.get("forbids_routes", ())))
                for g in data["grades"]},
        groups={g["id"]: Group(g["id"], g["label"]) for g in data["groups"]},
        dimensions={
            d["id"]: Dimension(d["id"], d["label"], d["question"], d["group"], d["graded_party"],
                               dict(d.get("facts") or {}), d.get("certification", False))
            for d in data["dimensions"]
        },
        confidence=tuple(data["confidence"]),
        tier=tuple(data["tier"]),
        route=tuple(r["id"] for r in data["route"]),
        default=tuple(data["default"]),
        format=data["format"],
        variant_scope=tuple(data["variant_scope"]),
        route_info={r["id"]: r for r in data["route"]},
        source_kinds={k["id"]: k for k in data["source_kinds"]},
        independent={p["organisation"]: IndependentParty(p["organisation"], p["kind"],
                                                         tuple(p["source_kinds"]), tuple(p["remit"]),
                                                         p.get("needs_quote", False))
                     for p in data.get("independent_parties") or ()},
        lead_pages=tuple(LeadShape(s["kind"], tuple(s.get("host_labels", ())),
                                   tuple(s.get("path_segments", ())), tuple(s.get("hosts", ())))
                         for s in data.get("lead_pages") or ()),
        primary_pages=tuple(PrimaryPage(p["url"], p["reason"]) for p in data.get("primary_pages") or ()),
    )


def to_data(vocab: Vocabulary) -> dict[str, Any]:
    """The vocabulary as schema/vocabulary.yaml holds it (from_data's inverse), for the feed."""
    return {
        "format": vocab.format,
        "grades": [{k: list(v) if k == "forbids_routes" else v for k, v in asdict(g).items()
                    if k != "forbids_routes" or v} for g in vocab.grades.values()],  # as the file
        "groups": [asdict(g) for g in vocab.groups.values()],
        "dimensions": [asdict(d) for d in vocab.dimensions.values()],
        "confidence": list(vocab.confidence),
        "tier": list(vocab.tier),
        "route": list(vocab.route_info.values()),
        "default": list(vocab.default),
        "variant_scope": list(vocab.variant_scope),
        "source_kinds": list(vocab.source_kinds.values()),
        "independent_parties": [{**asdict(p), "source_kinds": list(p.source_kinds), "remit": list(p.remit)}
                                for p in vocab.independent.values()],
        "lead_pages": [{k: list(v) if isinstance(v, tuple) else v for k, v in asdict(s).items()}
                       for s in vocab.lead_pages],
        "primary_pages": [asdict(p) for p in vocab.primary_pages],
    }


def reference_problems(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str, str]]:
    """(path, problem, hint) for ids the vocabulary uses but does not declare.

    Certificate registries and certification bodies may speak only for certification dimensions.
    """
    grades = {g["id"] for g in data["grades"]}
    routes = {r["id"] for r in data["route"]}
    kinds = {k["id"] for k in data["source_kinds"]}
    dims = {d["id"]: d for d in data["dimensions"]}
    found = []

    def undeclared(where: tuple[Any, ...], used: Any, known: set[str], what: str) -> None:
        for value in used:
            if value not in known:
                found.append((where, f"{what} {value!r} is not declared",
                              f"use one of: {', '.join(sorted(known))}"))

    for i, grade in enumerate(data["grades"]):
        undeclared(("grades", i, "forbids_routes"), grade.get("forbids_routes", ()), routes, "route")
    for i, dim in enumerate(data["dimensions"]):
        for name, fact in (dim.get("facts") or {}).items():
            undeclared(("dimensions", i, "facts", name, "grades"), fact.get("grades", {}), grades,
                       "grade")
    for i, party in enumerate(data.get("independent_parties") or ()):
        undeclared(("independent_parties", i, "source_kinds"), party["source_kinds"], kinds,
                   "source kind")
        undeclared(("independent_parties", i, "remit"), party["remit"], set(dims), "dimension")
        beyond = [d for d in party["remit"] if d in dims and not dims[d].get("certification")]
        if party["kind"] != "authority" and beyond:
            found.append((("independent_parties", i, "remit"),
                          f"a {party['kind']} speaks only for certifications, not {', '.join(beyond)}",
                          "list only dimensions marked certification: true"))
    for i, shape in enumerate(data.get("lead_pages") or ()):
        undeclared(("lead_pages", i, "kind"), [shape["kind"]], kinds, "source kind")
    return found

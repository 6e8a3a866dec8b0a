"""Typed, read-only objects for the registry's data: the Python API consumers build on.

    from trustreg.api import load_registry
    registry = load_registry(".")
    for offering in registry.offerings.values():
        for cell in offering.watch_outs:
            print(offering.name, cell.dimension.label, cell.caveat)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .vocabulary import NOT_STATED, Dimension, Vocabulary

ATTRIBUTE_KEYS = ("tier", "route", "route_via", "default", "geography")


@dataclass(frozen=True)
class Copy:
    """Where a source's text was read when it was not read on the live page."""

    held_by: str
    url: str | None = None  # the copy's own address
    captured: str | None = None  # the copy's capture date, when known


@dataclass(frozen=True)
class Draft:
    """A cell graded from copies, or not yet checked live: who graded it and when."""

    by: str
    date: str


@dataclass(frozen=True)
class Source:
    title: str
    role: str  # "primary" or "lead"
    url: str | None = None
    kind: str | None = None  # trust_center, documentation, ... (schema/vocabulary.yaml)
    retrieved: str | None = None  # the live page was read that day
    quote: str | None = None
    archived: str | None = None
    copy: Copy | None = None  # the text was read in a copy instead

    @property
    def read_live(self) -> bool:
        return self.retrieved is not None

    @property
    def is_primary(self) -> bool:
        return self.role == "primary"


@dataclass(frozen=True)
class Review:
    """One entry of a cell's review trail: who answered which alert, and how."""

    date: str
    by: str  # NOT_STATED when the trail names nobody
    reviewer: str  # "human", "monitor" or NOT_STATED
    decision: str  # "dismissed", "confirmed" or "reverified"
    note: str
    alert: str | None = None
    confidence: str | None = None  # given by an imported trail, or NOT_STATED there

    @property
    def line(self) -> str:
        """`[human 2026-07-05 Ana] Dismissed (alert): note`, as the registry prints review lines;
        a value the trail does not state reads "not stated"."""
        reviewer = "reviewer not stated" if self.reviewer == NOT_STATED else self.reviewer
        by = "name not stated" if self.by == NOT_STATED else self.by
        alert = f" ({self.alert})" if self.alert else ""
        sure = {None: "", NOT_STATED: " (confidence not stated)"}.get(
            self.confidence, f" (confidence {self.confidence})")
        return f"[{reviewer} {self.date} {by}] {self.decision.capitalize()}{alert}{sure}: {self.note}"


@dataclass(frozen=True)
class Variant:
    """Where the answer differs from the cell's headline: one plan, endpoint, model or region."""

    scope: str
    applies_to: str
    status: str
    caveat: str | None = None
    evidence: str | None = None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Cell:
    """One graded dimension of one offering."""

    dimension: Dimension
    status: str
    confidence: str
    verified: str | None  # a person verified it against the live pages that day; None for a draft
    evidence: str
    caveat: str | None = None
    tier: str | None = None
    route: str | None = None
    route_via: str | None = None
    default: str | None = None
    geography: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    reviews: tuple[Review, ...] = ()
    variants: tuple[Variant, ...] = ()
    worse_variants: tuple[Variant, ...] = ()  # variants graded worse than the headline
    draft: Draft | None = None  # graded from copies or not yet checked live

    @property
    def is_draft(self) -> bool:
        return self.verified is None

    @property
    def is_watch_out(self) -> bool:
        """A cell that is not a clean public yes, or one with a variant worse than its headline."""
        return self.status != "yes_public" or bool(self.worse_variants)

    @property
    def primary_sources(self) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.is_primary)

    @property
    def attributes(self) -> list[tuple[str, str]]:
        """tier, route, default and geography, in that order, where set."""
        return [(k, v) for k in ATTRIBUTE_KEYS if (v := getattr(self, k))]

    @property
    def ordered_facts(self) -> list[tuple[str, Any]]:
        """Facts in the order the dimension declares them."""
        order = list(self.dimension.facts)
        return sorted(self.facts.items(),
                      key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str  # "company", "authority" or "registry"; whose pages are primary: the vocabulary
    domains: tuple[str, ...]
    trust_center: str | None = None

    def owns_host(self, host: str) -> bool:
        """True when host is one of the organisation's domains or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)


@dataclass(frozen=True)
class Offering:
    id: str
    name: str
    developer: Organisation
    platform: Organisation
    category: str
    model_family: str
    summary: str
    cells: dict[str, Cell]
    hosting: dict[str, Any] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    service_name: str | None = None

    @property
    def watch_outs(self) -> list[Cell]:
        return [c for c in self.cells.values() if c.is_watch_out]

    @property
    def verified(self) -> str | None:
        """The date its verified evidence is verified as of: the oldest verified cell's date
        (drafts do not count); None when every cell is a draft."""
        return min((c.verified for c in self.cells.values() if c.verified), default=None)

    @property
    def drafts(self) -> list[Cell]:
        return [c for c in self.cells.values() if c.is_draft]

    def graded_party(self, cell: Cell) -> Organisation:
        return self.developer if cell.dimension.graded_party == "developer" else self.platform


@dataclass(frozen=True)
class RegistryMeta:
    name: str
    license: str
    license_url: str
    disclaimer: str
    corrections: str
    stale_after_days: int
    tag_entity: str | None = None  # RFC 4151 tagging entity for the change feed's entry ids
    repository: str | None = None  # URL of the registry's source repository
    correction_form: str | None = None  # URL where a reader submits a correction
    base_url: str | None = None  # where dist/ is published: absolute $schema, $id and Atom links


@dataclass(frozen=True)
class Registry:
    root: Path
    meta: RegistryMeta
    vocabulary: Vocabulary
    organisations: dict[str, Organisation]
    offerings: dict[str, Offering]

    @property
    def verified(self) -> str:
        """The newest verified date of any cell: the registry's `generated` date."""
        return max((c.verified for o in self.offerings.values() for c in o.cells.values()
                    if c.verified), default="1970-01-01")


def organisation_from_data(data: dict[str, Any]) -> Organisation:
    return Organisation(data["id"], data["name"], data["kind"], tuple(data["domains"]),
                        data.get("trust_center"))


def _source(data: dict[str, Any]) -> Source:
    copy = data.get("copy")
    return Source(**{**data, "copy": Copy(**copy) if copy else None})


def _sources(data: dict[str, Any]) -> tuple[Source, ...]:
    return tuple(_source(s) for s in data.get("sources") or ())


def cell_from_data(dimension: Dimension, data: dict[str, Any], vocab: Vocabulary) -> Cell:
    variants = tuple(Variant(v["scope"], v["applies_to"], v["status"], v.get("caveat"),
                             v.get("evidence"), _sources(v)) for v in data.get("variants") or ())
    return Cell(
        dimension=dimension,
        status=data["status"],
        confidence=data["confidence"],
        verified=data.get("verified"),
        draft=Draft(**data["draft"]) if data.get("draft") else None,
        evidence=data["evidence"],
        caveat=data.get("caveat"),
        tier=data.get("tier"),
        route=data.get("route"),
        route_via=data.get("route_via"),
        default=data.get("default"),
        geography=data.get("geography"),
        facts=dict(data.get("facts") or {}),
        sources=_sources(data),
        reviews=tuple(Review(**r) for r in data.get("reviews") or ()),
        variants=variants,
        worse_variants=tuple(v for v in variants
                             if vocab.rank(v.status) > vocab.rank(data["status"])),
    )


def offering_from_data(data: dict[str, Any], vocab: Vocabulary,
                       organisations: dict[str, Organisation]) -> Offering:
    """An Offering from validated data; organisation ids must resolve."""
    return Offering(
        id=data["id"],
        name=data["name"],
        developer=organisations[data["developer"]],
        platform=organisations[data["platform"]],
        category=data["category"],
        model_family=data["model_family"],
        summary=data["summary"],
        hosting=dict(data.get("hosting") or {}),
        aliases=tuple(data.get("aliases") or ()),
        service_name=data.get("service_name"),
        cells={dim_id: cell_from_data(dim, data["cells"][dim_id], vocab)
               for dim_id, dim in vocab.dimensions.items() if dim_id in data["cells"]},
    )


def meta_from_data(data: dict[str, Any]) -> RegistryMeta:
    return RegistryMeta(**data)

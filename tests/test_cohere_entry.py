"""The Cohere API entry holds the seed page faithfully, as data."""

from __future__ import annotations

import re

import pytest
from trustreg.api import load_registry
from trustreg.migration import FORMAT_1_ROUTES, UNSETTLED_ROUTES
from trustreg.model import Offering

from .conftest import REPO, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.splitlines()
# The seed's publisher hid an e-mail address behind this placeholder; the entry says so in words.
EMAIL_PLACEHOLDER = "[email protected]"
EMAIL_IN_DATA = "Cohere's privacy e-mail address"


@pytest.fixture(scope="module")
def cohere() -> Offering:
    return load_registry(REPO).offerings["cohere-api"]


def test_summary_is_the_seeds(cohere: Offering) -> None:
    assert cohere.summary == SEED_LINES[2]
    assert cohere.name == SEED_LINES[1] == SEED_LINES[0].removeprefix("Registry / ")


def test_watch_out_list_is_the_seeds(cohere: Offering) -> None:
    start = SEED_LINES.index("Watch-outs 7") + 2
    seed_list = SEED_LINES[start:start + 7]
    vocab_labels = {c.dimension.id: c.dimension.label for c in cohere.cells.values()}
    ours = [f"- {vocab_labels[c.dimension.id]}: {label(c.status)} {c.caveat}"
            for c in cohere.watch_outs]
    assert ours == seed_list


def label(grade: str) -> str:
    return {"yes_public": "Yes, public", "yes_sales_gated": "Yes, sales-gated",
            "yes_platform_only": "Yes, platform-only", "partial": "Partial",
            "unclear": "Unclear", "no_public_evidence": "No public evidence"}[grade]


def test_every_evidence_paragraph_is_the_seeds(cohere: Offering) -> None:
    for cell in cohere.cells.values():
        evidence = cell.evidence.replace(
            f"trust center or {EMAIL_IN_DATA}", f"trust center / {EMAIL_PLACEHOLDER}")
        assert evidence in SEED_LINES, cell.dimension.id


def test_placeholder_email_is_not_data() -> None:
    text = (REPO / "offerings" / "cohere-api.yaml").read_text(encoding="utf-8")
    assert "[email" not in text and "protected]" not in text


def test_grades_confidence_and_dates(cohere: Offering) -> None:
    assert {d: c.status for d, c in cohere.cells.items()} == {
        "soc2_type2": "yes_sales_gated", "iso_27001": "yes_public", "iso_42001": "yes_public",
        "trust_center": "yes_public", "hipaa_baa": "no_public_evidence", "gdpr_dpa": "partial",
        "training_on_customer_data": "partial", "retention_zdr": "yes_sales_gated",
        "data_residency": "yes_platform_only", "gpai_cop": "yes_public",
        "art53_summary": "no_public_evidence"}
    assert {d for d, c in cohere.cells.items() if c.confidence != "high"} == {
        "training_on_customer_data"}
    assert cohere.cells["training_on_customer_data"].confidence == "medium"
    assert {c.verified for c in cohere.cells.values()} == {"2026-07-05"}


def test_leads_are_leads_and_art53_has_no_primary_source(cohere: Offering) -> None:
    assert cohere.cells["art53_summary"].primary_sources == ()
    for dim in ("iso_27001", "hipaa_baa"):
        assert [s.role for s in cohere.cells[dim].sources].count("lead") == 1
    urls = {s.url for c in cohere.cells.values() for s in c.sources if s.url}
    assert urls == {"https://trustcenter.cohere.com", "https://cohere.com/security",
                    "https://docs.cohere.com/docs/command-a-plus",
                    "https://digital-strategy.ec.europa.eu/en/policies/contents-code-gpai"}


def test_attribute_and_fact_values_are_the_seeds(cohere: Offering) -> None:
    format_1 = {v: k for k, v in FORMAT_1_ROUTES.items()}  # format 2 (route, route_via) -> seed's
    format_1 |= {(route, via): old for old, (routes, via) in UNSETTLED_ROUTES.items() for route in routes}
    for cell in cohere.cells.values():
        attributes = [(k, v) for k, v in cell.attributes if k not in ("route", "route_via")]
        if cell.route:
            attributes.append(("route", format_1[(cell.route, cell.route_via)]))
        for key, value in [*attributes, *cell.ordered_facts]:
            assert re.search(rf"\b{key}: {re.escape(str(value))}(?!\w)", SEED_TEXT), (key, value)

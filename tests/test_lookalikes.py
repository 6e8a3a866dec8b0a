"""Synthetic look-alikes of seven published registry records: format v2 holds them, check is clean.

tests/lookalikes/ holds made-up organisations (example domains) and offerings shaped like the
registry's OpenAI API, Azure OpenAI, Claude on Vertex AI, Gemini on Vertex AI, Llama on Azure,
Mistral La Plateforme and xAI API records: list facts, a sign-in route, plan, endpoint and model
variants, documented noes, a certificate registry as a primary source, aliases and service names.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from trustreg import cli, loader
from trustreg.api import load_registry

from .conftest import REPO

LOOKALIKES = REPO / "tests" / "lookalikes"
REGISTRY_ENTRY = """  - organisation: synthetic-certsearch
    kind: certificate_registry
    source_kinds: [certificate_registry]
    remit: [iso_27001, iso_42001]
"""
# The Meta-like developer states on its newsroom that it will not sign the GPAI Code: its own words,
# primary for its own refusal although the address is a news page's.
PRIMARY_PAGES = """primary_pages:
  - url: https://about.meta.example/news/code-of-practice
    reason: Synthetic - the developer's own statement that it does not sign the Code.
"""


@pytest.fixture
def lookalikes(registry: Path) -> Path:
    for folder in ("organisations", "offerings"):
        for file in (LOOKALIKES / folder).glob("*.yaml"):
            shutil.copy2(file, registry / folder / file.name)
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    text = text.replace("independent_parties:\n", "independent_parties:\n" + REGISTRY_ENTRY, 1)
    vocab.write_text(text.replace("primary_pages: []\n", PRIMARY_PAGES, 1), encoding="utf-8")
    return registry


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = cli.main(["--root", str(root), *args])
    return status, capsys.readouterr().out


def test_lookalikes_are_synthetic() -> None:
    for file in LOOKALIKES.rglob("*.yaml"):
        data = loader.load(file).data
        assert "synthetic" in data["name"].lower(), file
        assert all(d.endswith(".example") for d in data.get("domains", [])), file


def test_check_gives_no_finding_on_the_lookalikes(lookalikes: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(lookalikes, capsys, "check")
    assert (status, out) == (0, "")


def test_query_answers_list_membership(lookalikes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(lookalikes, capsys, "query", "data_residency.regions=eu")
    assert status == 0
    assert sorted(line.split("\t")[0] for line in out.splitlines()) == [
        "synthetic-azure-openai", "synthetic-gemini-vertex"]
    _, out = run(lookalikes, capsys, "query", "data_residency.regions~pacific")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["synthetic-gemini-vertex"]
    _, out = run(lookalikes, capsys, "query", "data_residency.regions!=EU",
                 "data_residency=yes_public")
    assert out == ""


def test_variants_worse_than_the_headline_are_watch_outs(lookalikes: Path) -> None:
    registry = load_registry(lookalikes)
    mistral = registry.offerings["synthetic-mistral-plateforme"]
    training = mistral.cells["training_on_customer_data"]
    assert training.status == "yes_public"
    assert training.is_watch_out
    assert [v.applies_to for v in training.worse_variants] == ["Free plan"]
    assert mistral.cells["retention_zdr"].worse_variants[0].status == "documented_no"
    llama = registry.offerings["synthetic-llama-azure"]
    assert llama.cells["gpai_cop"] in llama.watch_outs


def test_show_and_feed_carry_v2_fields(lookalikes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(lookalikes, capsys, "show", "synthetic-azure-openai")
    assert "Also known as: Synthetic Foundry Models" in out
    assert "Platform: Synthetic Azure-like cloud (synthetic) (Synthetic OpenAI Service)" in out
    assert "report_types: SOC 1, SOC 2, SOC 3" in out
    assert "route: sign_in · route_via: Service Trust Portal ·" in out
    _, out = run(lookalikes, capsys, "show", "synthetic-mistral-plateforme")
    assert "Variant: plan Free plan: Partial · Free-plan inputs may be used" in out
    assert ("- No-training default: Yes, public (worse for plan Free plan: Partial · "
            "Free-plan inputs may be used for training unless opted out.)") in out
    _, out = run(lookalikes, capsys, "query", "--format", "json", "retention_zdr.zdr_scope~stateless")
    [entry] = json.loads(out)
    [variant] = entry["dimensions"]["retention_zdr"]["variants"]
    assert variant["value"] == "documented_no" and variant["worse_than_headline"]


def test_build_publishes_the_lookalikes(lookalikes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(lookalikes, capsys, "build")
    assert status == 0
    dist = lookalikes / "dist"
    feed = json.loads((dist / "data.json").read_text(encoding="utf-8"))  # validated when written
    azure = next(o for o in feed["offerings"] if o["id"] == "synthetic-azure-openai")
    assert azure["aliases"] == ["Synthetic Foundry Models"]
    assert azure["dimensions"]["data_residency"]["facts"]["regions"] == ["EU", "US"]
    page = (dist / "site" / "offerings" / "synthetic-mistral-plateforme.html").read_text(encoding="utf-8")
    assert "<strong>Variant</strong> (Plan: Free plan):" in page
    csv = (dist / "offerings.csv").read_text(encoding="utf-8")
    assert '""applies_to"": ""Free plan""' in csv

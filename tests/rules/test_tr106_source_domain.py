"""TR106: a primary source belongs to the graded party or an authority."""

from pathlib import Path

import pytest

from .conftest import mutate
from .evidence import as_draft


def _cite(dim: str, url: str, role: str = "primary"):
    def change(data: dict) -> None:
        data["cells"][dim]["sources"][0].update(url=url, role=role)
    return change


def test_third_party_host_as_primary_fails(registry: Path, check) -> None:
    mutate(registry, _cite("soc2_type2", "https://elsewhere.example/synthetic-soc2"))
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][0].update(kind="documentation"))
    result = check(registry)
    assert result.codes() == ["TR106"]
    assert "'elsewhere.example' is not a domain of synthetic-vendor" in result.lines[0]


def test_lookalike_domain_fails(registry: Path, check) -> None:
    mutate(registry, _cite("soc2_type2", "https://vendor.example.example.net/"))
    assert check(registry, "--select", "TR106").codes() == ["TR106"]


def test_subdomain_authority_and_lead_pass(registry: Path, check) -> None:
    mutate(registry, _cite("iso_42001", "https://docs.vendor.example/docs/security"))
    mutate(registry, _cite("art53_summary", "https://news.example.com/x", role="lead"))
    assert check(registry, "--select", "TR106").lines == []


EC_PAGE = "https://digital-strategy.commission.example/en/policies/contents-code-gpai"


def test_authority_outside_its_remit_fails(registry: Path, check) -> None:
    mutate(registry, _cite("soc2_type2", EC_PAGE))
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][0].update(kind="authority_list"))
    result = check(registry)
    assert result.codes() == ["TR106"]
    assert "Synthetic Commission (authority) is primary only for gpai_cop, not soc2_type2" \
        in result.lines[0]


def test_authority_kind_is_decided_by_the_vocabulary_not_the_file(registry: Path, check) -> None:
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    start = text.index("independent_parties:\n")
    vocab.write_text(text[:start] + text[text.index("groups:\n"):], encoding="utf-8")
    result = check(registry, "--select", "TR106")  # organisations/ still says kind: authority
    assert result.codes() == ["TR106"]
    assert "'digital-strategy.commission.example' is not a domain of synthetic-vendor" in result.lines[0]


REGISTRY_ORG = "id: synthetic-certs\nname: Synthetic certificate registry\nkind: registry\n" \
               "domains:\n- certs.example\n"
REGISTRY_ENTRY = ("  - organisation: synthetic-certs\n    kind: certificate_registry\n"
                  "    source_kinds: [certificate_registry]\n    remit: [iso_27001, iso_42001]\n")


def _with_certificate_registry(registry: Path) -> None:
    (registry / "organisations" / "synthetic-certs.yaml").write_text(REGISTRY_ORG, encoding="utf-8")
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    vocab.write_text(text.replace("independent_parties:\n", "independent_parties:\n" + REGISTRY_ENTRY, 1),
                     encoding="utf-8")


def _registry_source(dim: str):
    def change(data: dict) -> None:
        data["cells"][dim]["sources"][0].update(url="https://certs.example/cert/1",
                                                kind="certificate_registry")
    return change


def test_certificate_registry_counts_for_certifications(registry: Path, check) -> None:
    _with_certificate_registry(registry)
    mutate(registry, _registry_source("iso_27001"))
    assert check(registry).lines == []


def test_certificate_registry_does_not_count_elsewhere(registry: Path, check) -> None:
    _with_certificate_registry(registry)
    mutate(registry, _registry_source("gdpr_dpa"))
    result = check(registry)
    assert result.codes() == ["TR106"]
    assert "is primary only for iso_27001, iso_42001, not gdpr_dpa" in result.lines[0]


@pytest.mark.parametrize("url", ["https://evil.com%2F.vendor.example/", "https://evil.com;.vendor.example/",
                                 "https://evil.com%5C.vendor.example/", "https://[v1.x.vendor.example]/",
                                 "https://x%00.vendor.example/"])
def test_invalid_host_never_counts_as_the_partys(registry: Path, check, url: str) -> None:
    mutate(registry, _cite("soc2_type2", url))
    assert check(registry, "--select", "TR106,TR107").codes() == ["TR107"]


@pytest.mark.parametrize("url", ["https://Trust.Vendor.EXAMPLE./x", "https://%74rust.vendor.example/"])
def test_host_is_compared_as_browsers_read_it(registry: Path, check, url: str) -> None:
    mutate(registry, _cite("soc2_type2", url))
    assert check(registry, "--select", "TR106,TR107").lines == []


def _commission_on(dim: str, kind: str = "authority_list", quote: str | None = None):
    def change(data: dict) -> None:
        source = data["cells"][dim]["sources"][0]
        source.update(url=EC_PAGE, kind=kind, role="primary", retrieved="2026-07-05")
        source.pop("quote", None)
        if quote:
            source["quote"] = quote
    return change


@pytest.mark.parametrize("kind", ["authority_list", "documentation", "legal"])
def test_commission_pages_backing_art53_summary_fail(registry: Path, check, kind: str) -> None:
    mutate(registry, _commission_on("art53_summary", kind, quote="Synthetic Vendor"))
    result = check(registry, "--select", "TR106")
    assert result.codes() == ["TR106"]
    assert "Synthetic Commission (authority) is primary only for gpai_cop, not art53_summary" \
        in result.lines[0]


@pytest.mark.parametrize("kind", ["documentation", "legal"])
def test_commission_page_of_another_kind_on_gpai_cop_fails(registry: Path, check, kind: str) -> None:
    mutate(registry, _commission_on("gpai_cop", kind, quote="Synthetic Vendor"))
    result = check(registry, "--select", "TR106")
    assert result.codes() == ["TR106"]
    assert f"a {kind} page of Synthetic Commission is not primary; its primary kinds are " \
           "authority_list" in result.lines[0]


def test_commission_list_without_quote_on_a_draft_fails(registry: Path, check) -> None:
    mutate(registry, _commission_on("gpai_cop"))
    mutate(registry, lambda d: as_draft(d, "gpai_cop", quotes=False))
    result = check(registry, "--select", "TR106")
    assert result.status == 1 and result.codes() == ["TR106"]
    assert "TR106 a page of Synthetic Commission backs gpai_cop only with a quote that names " \
           "Synthetic Vendor (add `quote:`" in result.lines[0]


def test_commission_list_without_quote_read_live_for_a_verified_cell_warns(registry: Path,
                                                                           check) -> None:
    mutate(registry, _commission_on("gpai_cop"))
    result = check(registry)
    assert result.status == 0 and result.codes() == ["TR106"]
    assert "TR106 warning: a page of Synthetic Commission backs gpai_cop only with a quote that " \
           "names Synthetic Vendor (read live: add it at the next reading)" in result.lines[0]


def test_commission_list_with_a_quote_passes(registry: Path, check) -> None:
    mutate(registry, _commission_on("gpai_cop", quote="Synthetic Vendor"))
    assert check(registry).lines == []

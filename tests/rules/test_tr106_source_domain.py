"""TR106: a primary source belongs to the graded party or an authority."""

from pathlib import Path

import pytest

from .conftest import mutate


def _cite(dim: str, url: str, role: str = "primary"):
    def change(data: dict) -> None:
        data["cells"][dim]["sources"][0].update(url=url, role=role)
    return change


def test_third_party_host_as_primary_fails(registry: Path, check) -> None:
    mutate(registry, _cite("soc2_type2", "https://news.example.com/cohere-soc2"))
    result = check(registry)
    assert result.codes() == ["TR106"]
    assert "'news.example.com' is not a domain of cohere" in result.lines[0]


def test_lookalike_domain_fails(registry: Path, check) -> None:
    mutate(registry, _cite("soc2_type2", "https://cohere.com.example.net/"))
    assert check(registry, "--select", "TR106").codes() == ["TR106"]


def test_subdomain_authority_and_lead_pass(registry: Path, check) -> None:
    mutate(registry, _cite("iso_42001", "https://docs.cohere.com/docs/security"))
    mutate(registry, _cite("art53_summary", "https://news.example.com/x", role="lead"))
    assert check(registry, "--select", "TR106").lines == []


@pytest.mark.parametrize("url", ["https://evil.com%2F.cohere.com/", "https://evil.com;.cohere.com/",
                                 "https://evil.com%5C.cohere.com/", "https://[v1.x.cohere.com]/",
                                 "https://x%00.cohere.com/"])
def test_invalid_host_never_counts_as_the_partys(registry: Path, check, url: str) -> None:
    mutate(registry, _cite("soc2_type2", url))
    assert check(registry, "--select", "TR106,TR107").codes() == ["TR107"]


@pytest.mark.parametrize("url", ["https://TrustCenter.COHERE.com./x", "https://%74rust.cohere.com/"])
def test_host_is_compared_as_browsers_read_it(registry: Path, check, url: str) -> None:
    mutate(registry, _cite("soc2_type2", url))
    assert check(registry, "--select", "TR106,TR107").lines == []

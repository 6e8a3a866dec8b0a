"""TR126: no two organisations claim one domain."""

from pathlib import Path

import pytest

DUPLICATE = "id: synthetic-twin\nname: Synthetic Twin\nkind: company\ndomains:\n- {domain}\n"


@pytest.mark.parametrize("domain", ["vendor.example", "docs.vendor.example"])
def test_a_domain_claimed_twice_fails(registry: Path, check, domain: str) -> None:
    (registry / "organisations" / "synthetic-twin.yaml").write_text(DUPLICATE.format(domain=domain),
                                                                 encoding="utf-8")
    result = check(registry, "--select", "TR126")
    assert result.status == 1 and result.codes() == ["TR126", "TR126"]
    assert result.lines[0].startswith("organisations/synthetic-twin.yaml:5:")
    assert f"synthetic-twin: domain {domain} is claimed by synthetic-vendor too" in result.lines[0]
    assert result.lines[1].startswith("organisations/synthetic-vendor.yaml:5:")
    assert "synthetic-vendor: domain vendor.example is claimed by synthetic-twin too" in result.lines[1]


def test_domains_of_their_own_pass(registry: Path, check) -> None:
    (registry / "organisations" / "synthetic-twin.yaml").write_text(
        DUPLICATE.format(domain="twin.example"), encoding="utf-8")
    assert check(registry, "--select", "TR126").lines == []

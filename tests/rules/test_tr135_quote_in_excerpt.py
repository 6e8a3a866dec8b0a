"""TR135: each quote is found, part by part, in the excerpt of its page (offline)."""

from pathlib import Path

from .conftest import mutate
from .evidence import LIVE, PASSAGES, SECURITY, TRUST, drafted, write_excerpt


def test_a_copied_source_without_an_excerpt_fails(registry: Path, check) -> None:
    drafted(registry, excerpts=False)
    write_excerpt(registry, TRUST)
    result = check(registry, "--select", "TR135")
    assert result.codes() == ["TR135"]
    assert "no excerpt of https://vendor.example/security: the quote cannot be checked" in result.lines[0]
    assert "add excerpts/vendor.example/security.yaml" in result.lines[0]


def test_a_quote_not_in_its_excerpt_fails(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, SECURITY, ["Security overview (test). The synthetic API platform is "
                                       "ISO compliant."])
    result = check(registry, "--select", "TR135")
    assert result.codes() == ["TR135"]
    assert "the quote is not in any passage of excerpts/vendor.example/security.yaml" in result.lines[0]


def test_a_missing_part_of_an_elided_quote_is_named(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, TRUST, ["Synthetic Corp undergoes an annual SOC 2 Type II audit."])
    result = check(registry, "--select", "TR135")
    assert result.codes() == ["TR135"]
    assert "“report under a mutual NDA” is not in any passage" in result.lines[0]


def test_a_url_differing_only_by_slash_or_fragment_is_the_same_page(registry: Path, check) -> None:
    drafted(registry)
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][1].update(url=SECURITY + "/#soc2"))
    assert check(registry, "--select", "TR135").lines == []


def test_a_live_source_with_its_live_excerpt_passes(registry: Path, check) -> None:
    def live(data: dict) -> None:
        source = data["cells"]["soc2_type2"]["sources"][1]
        source["quote"] = "The synthetic API platform is SOC 2 Type II compliant"
    mutate(registry, live)
    write_excerpt(registry, SECURITY, PASSAGES[SECURITY], **LIVE)
    assert check(registry).lines == []


def test_an_unsafe_url_is_reported_once_by_tr107(registry: Path, check) -> None:
    drafted(registry)
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][1].update(url="http://vendor.example/security"))
    assert check(registry, "--select", "TR107,TR135").codes() == ["TR107"]

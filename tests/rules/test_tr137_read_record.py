"""TR137: a quoted source and its page's excerpt agree on how the page was read."""

from pathlib import Path

from .conftest import mutate
from .evidence import COPY, LIVE, PASSAGES, SECURITY, drafted, write_excerpt


def test_a_copied_source_with_a_live_excerpt_fails(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, SECURITY, PASSAGES[SECURITY], **LIVE)
    result = check(registry, "--select", "TR137")
    assert result.codes() == ["TR137"]
    assert ("this source was read in a copy, but excerpts/vendor.example/security.yaml records a live "
            "read on 2026-11-20") in result.lines[0]


def test_a_live_source_with_a_copied_excerpt_fails(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][1].update(
        quote="The synthetic API platform is SOC 2 Type II compliant"))
    write_excerpt(registry, SECURITY)
    result = check(registry, "--select", "TR137")
    assert result.codes() == ["TR137"]
    assert "this source claims a live read on 2026-07-05, but excerpts/vendor.example/security.yaml " \
           "was read in a copy held by Synthetic Copy Archive (test fixture)" in result.lines[0]


def test_another_copy_fails(registry: Path, check) -> None:
    drafted(registry)
    write_excerpt(registry, SECURITY, copy={**COPY, "captured": "2026-10-01"})
    result = check(registry, "--select", "TR137")
    assert result.codes() == ["TR137"] and "captured 2026-09-14, but" in result.lines[0]


def test_the_same_copy_passes(registry: Path, check) -> None:
    drafted(registry)
    assert check(registry, "--select", "TR137").lines == []

"""Excerpt files are read by the strict loader and checked against schema/excerpt.schema.json."""

from pathlib import Path

import pytest

from .evidence import COPY, LIVE, PASSAGES, SECURITY, drafted, write_excerpt


@pytest.mark.parametrize(("read", "passages", "where"), [
    ({"copy": COPY, **LIVE}, None, ":1:1: TR100"),
    ({"retrieved": "2026-11-20"}, None, ":1:1: TR100"),
    ({"copy": COPY}, ["x" * 601], ":6:3: TR100"),
    ({"copy": COPY}, [], ":5:11: TR100"),
])
def test_a_malformed_excerpt_fails_its_schema(registry: Path, check, read: dict, passages, where) -> None:
    drafted(registry)
    write_excerpt(registry, SECURITY, passages if passages is not None else PASSAGES[SECURITY], **read)
    result = check(registry)
    assert result.status == 1
    assert len(result.lines) == 1
    assert result.lines[0].startswith(f"excerpts/vendor.example/security.yaml{where}")


def test_an_excerpt_with_a_yaml_anchor_is_refused_by_the_loader(registry: Path, check) -> None:
    drafted(registry)
    (registry / "excerpts/vendor.example/security.yaml").write_text(
        "url: &u https://vendor.example/security\ncopy: {held_by: *u}\npassages: [x]\n", encoding="utf-8")
    result = check(registry)
    assert result.status == 1 and result.codes()[0].startswith("TR0")


def test_check_of_one_excerpt_reports_it_and_the_quotes_against_it(registry: Path, check) -> None:
    drafted(registry)
    bad = write_excerpt(registry, SECURITY, ["Not the quoted words."])
    result = check(registry, str(bad))
    assert result.codes() == ["TR134", "TR135"]  # and the quote checked against it
    assert check(registry, str(registry / "offerings")).codes() == ["TR135"]
    assert check(registry, str(registry / "organisations")).codes() == []


def test_the_excerpt_schema_file_is_kept_current(registry: Path, check) -> None:
    (registry / "schema/excerpt.schema.json").unlink()
    result = check(registry, "--select", "TR114")
    assert result.lines[0].startswith("schema/excerpt.schema.json:1:1: TR114")


def test_check_of_an_excerpt_reports_the_quotes_it_no_longer_holds(registry: Path, check) -> None:
    from .evidence import TRUST

    drafted(registry)
    changed = write_excerpt(registry, TRUST, ["Synthetic Corp undergoes an annual SOC 2 Type II audit."])
    result = check(registry, str(changed))
    assert result.codes() == ["TR135"] and result.lines[0].startswith("offerings/synthetic-api.yaml:")

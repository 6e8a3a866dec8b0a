"""TR001-TR007: what the strict loader refuses, each with file:line:col and exit 1."""

from pathlib import Path

import pytest

from .conftest import OFFERING

CASES = {
    "TR001": (b"\xef\xbb\xbfid: synthetic-api\n", "1:1"),
    "TR002": (b"id: [synthetic-api\n", "2:1"),
    "TR003": (b"id: synthetic-api\nname: A\nname: B\n", "3:1"),
    "TR004": (b"id: &x synthetic-api\nname: *x\n", "1:5"),
    "TR005": (b"id: !!python/object:os.system synthetic-api\n", "1:5"),
    "TR006": (b"id: synthetic-api\n1: x\n", "2:1"),
    "TR007": (b"id: " + b"[" * 40 + b"]" * 40 + b"\n", "1:"),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_loader_rule_fails(registry: Path, check, code: str) -> None:
    text, place = CASES[code]
    (registry / OFFERING).write_bytes(text)
    result = check(registry)
    assert result.status == 1
    assert result.codes() == [code]
    assert result.lines[0].startswith(f"{OFFERING}:{place}")
    assert "Traceback" not in result.err


def test_loader_rules_pass_on_plain_yaml(registry: Path, check) -> None:
    assert check(registry, "--select", "TR0").lines == []

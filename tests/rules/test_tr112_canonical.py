"""TR112: files are in canonical form; `trustreg fix` brings them there."""

from pathlib import Path

from trustreg import cli

from .conftest import OFFERING


def test_reordered_keys_fail_then_fix_passes(registry: Path, check) -> None:
    path = registry / OFFERING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: synthetic-api\nformat: 2\n", "format: 2\nid: synthetic-api\n"),
                    encoding="utf-8")
    result = check(registry)
    assert result.codes() == ["TR112"]
    assert result.lines[0].startswith(f"{OFFERING}:1:1:")
    assert cli.main(["--root", str(registry), "fix"]) == 0
    assert path.read_text(encoding="utf-8") == text
    assert check(registry).lines == []


def test_crlf_line_endings_fail(registry: Path, check) -> None:
    path = registry / OFFERING
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = check(registry)
    assert result.codes() == ["TR112"]
    assert "CRLF" in result.lines[0]

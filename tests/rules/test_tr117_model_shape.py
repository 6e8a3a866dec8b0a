"""TR117: the registry's own files have what the code reads, even under a loosened schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..test_hostile import loosen


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("kind", "file", "old", "new", "where", "message"), [
    ("organisation", "organisations/synthetic-vendor.yaml", "domains:\n- vendor.example\n", "", (),
     "the file is missing required key 'domains'"),
    ("organisation", "organisations/synthetic-vendor.yaml", "kind: company", "kind: [company]", (),
     "kind must be one of: authority, company"),
    ("registry", "registry.yaml", "stale_after_days: 180\n", "", (),
     "the file is missing required key 'stale_after_days'"),
    ("vocabulary", "schema/vocabulary.yaml", "    graded_party: platform\n", "    graded_pary: platform\n",
     ("properties", "dimensions", "items"), "dimensions[0] is missing required key 'graded_party'"),
])
def test_loosened_schema_gives_a_finding(registry: Path, check, kind: str, file: str, old: str,
                                         new: str, where: tuple[str, ...], message: str) -> None:
    loosen(registry, kind, old.split(":")[0].strip(), *where)
    if kind == "organisation":  # the loosened schema also lets any value through
        path = registry / "schema" / "organisation.schema.json"
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["properties"]["kind"] = {}
        path.write_text(json.dumps(schema), encoding="utf-8")
    edit(registry / file, old, new)
    result = check(registry)
    assert result.status == 1 and result.err == ""
    shape = [line for line in result.lines if " TR117 " in line]
    assert len(shape) == 1 and shape[0].startswith(f"{file}:"), result.lines
    assert message in shape[0]


def test_registry_files_pass(registry: Path, check) -> None:
    assert check(registry, "--select", "TR117").lines == []

"""The published schemas are valid draft 2020-12 and accept the data, per a third-party tool."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from trustreg.jsonschemas.data_files import generated_schema_text
from trustreg.vocabulary_file import load_vocabulary

from .conftest import PUBLISHED, REPO, SYNTHETIC

CHECK_JSONSCHEMA = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHECK_JSONSCHEMA, "check-jsonschema is a test dependency (pip install -e '.[test]')"
    return subprocess.run([CHECK_JSONSCHEMA, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize(("schema", "folder"), [("offering", "offerings"),
                                                 ("organisation", "organisations")])
def test_check_jsonschema_accepts_the_data(schema: str, folder: str) -> None:
    files = sorted(str(p) for data in (SYNTHETIC, PUBLISHED, REPO / "tests" / "lookalikes")
                   for p in (data / folder).glob("*.yaml"))
    result = run_tool("--schemafile", f"schema/{schema}.schema.json", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_a_broken_offering(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = (SYNTHETIC / "offerings" / "synthetic-api.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("retention_days: 30", "retention_day: 30"), encoding="utf-8")
    result = run_tool("--schemafile", str(REPO / "schema" / "offering.schema.json"), str(broken))
    assert result.returncode == 1
    assert "retention_day" in result.stdout


def test_every_schema_is_valid_and_has_an_id() -> None:
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "schema").glob("*.schema.json"))
    assert run_tool("--check-metaschema", *files).returncode == 0
    for name in files:
        schema = json.loads((REPO / name).read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].startswith("urn:ai-trust-registry:schema:")


def test_committed_offering_schema_is_generated() -> None:
    committed = (REPO / "schema" / "offering.schema.json").read_text(encoding="utf-8")
    assert committed == generated_schema_text(load_vocabulary(REPO))

"""The shipped schema files of schema/: read like data files, refused when they cannot be used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema_rs

from ..findings import Finding, FindingError
from ..loader import read_text
from .common import SCHEMA_DIR

METASCHEMA = "https://json-schema.org/draft/2020-12/schema"
SHIPPED = ("registry", "vocabulary", "organisation", "offering", "data")  # schema/KIND.schema.json
_REF_KEYS = ("$ref", "$dynamicRef")


def read_schema(root: Path, rel: str) -> Any:
    """A schema file's JSON, read like a data file (no links, devices or huge files)."""
    try:
        return json.loads(read_text(root / rel, rel))
    except json.JSONDecodeError as exc:
        raise FindingError(Finding(rel, exc.lineno, exc.colno, "TR002", f"JSON syntax error: {exc.msg}",
                                   "fix the JSON syntax at this place")) from None
    except RecursionError:
        raise FindingError(Finding(rel, 1, 1, "TR007", "nesting too deep", "flatten the structure")) from None


def _foreign(schema: Any) -> str | None:
    """Why a schema could make a validator look outside the file (a remote reference), or None."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if "$schema" in node and node["$schema"] != METASCHEMA:
                return f"$schema is {node['$schema']!r}, not {METASCHEMA}"
            for key in _REF_KEYS:
                ref = node.get(key)
                if isinstance(ref, str) and not ref.startswith("#"):
                    return f"{key} {ref!r} points outside the file"
            stack.extend(node.values())
    return None


def schema_problem(schema: Any) -> str | None:
    """Why a schema cannot be used (not a draft 2020-12 schema, or refers elsewhere), or None."""
    if not isinstance(schema, dict) or schema.get("$schema") != METASCHEMA:
        return f"not a JSON Schema object with \"$schema\": \"{METASCHEMA}\""
    foreign = _foreign(schema)  # before the meta-schema step: it would fetch an unknown $schema
    if foreign:
        return foreign
    try:
        jsonschema_rs.meta.validate(schema)
        jsonschema_rs.validator_for(schema, offline=True, pattern_options=jsonschema_rs.RegexOptions())
    except (ValueError, jsonschema_rs.ReferencingError) as exc:
        return f"not a valid JSON Schema: {str(exc).splitlines()[0]}"
    return None


def load_shipped(root: Path, kind: str) -> dict[str, Any]:
    """A shipped schema file, refused (FindingError) when it cannot be read or used."""
    rel = f"{SCHEMA_DIR}/{kind}.schema.json"
    schema = read_schema(root, rel)
    problem = schema_problem(schema)
    if problem:
        raise FindingError(Finding(rel, 1, 1, "TR100", problem, "fix the schema"))
    return schema


def shipped_schema_findings(root: Path) -> list[Finding]:
    """Each schema file of schema/: present (offering: see TR114), readable, valid, self-contained."""
    found = []
    for kind in SHIPPED:
        rel = f"{SCHEMA_DIR}/{kind}.schema.json"
        if kind == "offering" and not (root / rel).is_symlink() and not (root / rel).exists():
            continue  # TR114 asks to generate it
        try:
            problem = schema_problem(read_schema(root, rel))
        except FindingError as exc:
            found.append(exc.finding)
            continue
        if problem:
            found.append(Finding(rel, 1, 1, "TR100", problem,
                                 "restore the schema; references stay within the file (#/$defs/...)"))
    return found


"""dist/api/v1/openapi.json: an OpenAPI 3.1 description of the static api/v1 (GET only).

The schemas are the published record and index schemas, folded into components (their `$defs`
become component schemas), so the description stands on its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..jsonschemas.common import ID_PATTERN
from ..jsonschemas.published import API_DIR, SCHEMA_MINOR, SCHEMA_VERSION, index_schema, record_schema
from ..model import Registry
from .feed import dumps

OPENAPI_FILE = "openapi.json"
_DEFS, _COMPONENTS = "#/$defs/", "#/components/schemas/"


def _components(node: Any) -> Any:
    """A schema with its `#/$defs/X` references pointing at `#/components/schemas/X`."""
    if isinstance(node, dict):
        return {k: (_COMPONENTS + v.removeprefix(_DEFS) if k == "$ref" and isinstance(v, str)
                    and v.startswith(_DEFS) else _components(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_components(v) for v in node]
    return node


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return _components({k: v for k, v in schema.items() if k not in ("$schema", "$id", "$defs")})


def _json_response(description: str, name: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": _COMPONENTS + name}}}}


def openapi(registry: Registry) -> dict[str, Any]:
    vocab, base = registry.vocabulary, registry.meta.base_url
    record, index = record_schema(vocab, base), index_schema(vocab, base)
    server = f"{base.rstrip('/')}/{API_DIR}" if base else "."
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{registry.meta.name} API", "version": f"{SCHEMA_VERSION}.{SCHEMA_MINOR}",
                 "description": f"Static JSON files, one per offering, and an index. "
                                f"{registry.meta.disclaimer}",
                 "license": {"name": registry.meta.license, "url": registry.meta.license_url}},
        "servers": [{"url": server, "description": "where dist/api/v1/ is published" if base
                     else "relative to this file (registry.yaml sets no base_url)"}],
        "paths": {
            "/offerings.json": {"get": {
                "operationId": "listOfferings", "summary": "Every offering in brief.",
                "responses": {"200": _json_response("The offering index.", "OfferingIndex")}}},
            "/offerings/{id}.json": {"get": {
                "operationId": "getOffering", "summary": "One offering's full record.",
                "parameters": [{"name": "id", "in": "path", "required": True,
                                "description": "The offering id (its file name under offerings/).",
                                "schema": {"type": "string", "pattern": ID_PATTERN}}],
                "responses": {"200": _json_response("The offering record.", "OfferingRecord"),
                              "404": {"description": "No offering has this id."}}}},
        },
        "components": {"schemas": {
            "OfferingRecord": _body(record), "OfferingIndex": _body(index),
            **{name: _components(schema) for name, schema in record["$defs"].items()}}},
    }


def write_openapi(registry: Registry, out: Path) -> None:
    (out / API_DIR / OPENAPI_FILE).write_text(dumps(openapi(registry)), encoding="utf-8")

"""The one canonical text form of a data file: key order, quoting and line width.

`trustreg fix` writes it and rule TR112 checks for it. Keys the schema does not know
keep their place after the known ones, so formatting never drops data.
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .vocabulary import Vocabulary

WIDTH = 88

OFFERING_KEYS = ("id", "format", "name", "aliases", "developer", "platform", "service_name",
                 "category", "model_family", "summary", "hosting", "cells")
HOSTING_KEYS = ("cloud", "regions")
CELL_KEYS = ("status", "caveat", "confidence", "verified", "tier", "route", "route_via", "default",
             "geography", "facts", "evidence", "sources", "variants", "reviews")
SOURCE_KEYS = ("url", "title", "kind", "role", "retrieved", "quote", "archived")
VARIANT_KEYS = ("scope", "applies_to", "status", "caveat", "evidence", "sources")
REVIEW_KEYS = ("date", "by", "reviewer", "alert", "decision", "confidence", "note")
ORGANISATION_KEYS = ("id", "name", "kind", "domains", "trust_center")

_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class CanonicalDumper(_Dumper):  # type: ignore[misc, valid-type]
    """PyYAML's dumper, taught to quote what the YAML 1.2 core schema would not read as text."""


CanonicalDumper.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
CanonicalDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))


def _ordered(mapping: Any, keys: tuple[str, ...]) -> Any:
    if not isinstance(mapping, dict):
        return mapping
    known = {k: mapping[k] for k in keys if k in mapping}
    return {**known, **{k: v for k, v in mapping.items() if k not in known}}


def _each(items: Any, keys: tuple[str, ...]) -> Any:
    return [_ordered(i, keys) for i in items] if isinstance(items, list) else items


def _cell(cell: Any, facts_order: tuple[str, ...]) -> Any:
    cell = _ordered(cell, CELL_KEYS)
    if not isinstance(cell, dict):
        return cell
    out = dict(cell)
    if "facts" in out:
        out["facts"] = _ordered(out["facts"], facts_order)
    if "sources" in out:
        out["sources"] = _each(out["sources"], SOURCE_KEYS)
    if "reviews" in out:
        out["reviews"] = _each(out["reviews"], REVIEW_KEYS)
    if isinstance(out.get("variants"), list):
        out["variants"] = [{**v, "sources": _each(v["sources"], SOURCE_KEYS)}
                           if isinstance(v, dict) and "sources" in v else v
                           for v in _each(out["variants"], VARIANT_KEYS)]
    return out


def canonical_offering(data: Any, vocab: Vocabulary) -> Any:
    """Offering data with every mapping in canonical key order."""
    data = _ordered(data, OFFERING_KEYS)
    if not isinstance(data, dict):
        return data
    out = dict(data)
    if "hosting" in out:
        out["hosting"] = _ordered(out["hosting"], HOSTING_KEYS)
    cells = out.get("cells")
    if isinstance(cells, dict):
        dims = vocab.dimensions
        ordered = _ordered(cells, tuple(dims))
        out["cells"] = {k: _cell(v, tuple(dims[k].facts) if k in dims else ()) for k, v in
                        ordered.items()}
    return out


def _node(value: Any, dumper: Any) -> Node:
    """The YAML node PyYAML's representer would make, built directly (about twice as fast)."""
    if isinstance(value, str):
        return ScalarNode("tag:yaml.org,2002:str", value)
    if isinstance(value, dict):
        return MappingNode("tag:yaml.org,2002:map",
                           [(_node(k, dumper), _node(v, dumper)) for k, v in value.items()],
                           flow_style=False)
    if isinstance(value, list):
        return SequenceNode("tag:yaml.org,2002:seq", [_node(v, dumper) for v in value],
                            flow_style=False)
    return dumper.represent_data(value)  # numbers, booleans and null, as PyYAML writes them


def dump(data: Any) -> str:
    """YAML text in the registry's one style."""
    if data is None:
        return ""
    stream = io.StringIO()
    dumper = CanonicalDumper(stream, default_flow_style=False, allow_unicode=True, width=WIDTH,
                             indent=2, sort_keys=False)
    try:
        dumper.open()
        dumper.serialize(_node(data, dumper))
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


def canonical_text(data: Any, kind: str, vocab: Vocabulary) -> str | None:
    """The canonical text for a file of the given kind, or None for kinds left as written."""
    if kind == "offering":
        return dump(canonical_offering(data, vocab))
    if kind == "organisation":
        return dump(_ordered(data, ORGANISATION_KEYS))
    return None

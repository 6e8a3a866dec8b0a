"""The strict loader: JSON semantics, marks for every value, and refusals with line:col."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from trustreg import loader
from trustreg.findings import FindingError
from trustreg.fmt import CanonicalDumper, dump


def load(text: str) -> object:
    return loader.loads(text, "t.yaml").data


@pytest.mark.parametrize(("text", "value"), [
    ("d: 2026-07-05", {"d": "2026-07-05"}),
    ("a: no", {"a": "no"}),
    ("a: yes", {"a": "yes"}),
    ("a: on", {"a": "on"}),
    ("a: true", {"a": True}),
    ("a: ~", {"a": None}),
    ("a: 0o17", {"a": 15}),
    ("a: 0x1F", {"a": 31}),
    ("a: 0755", {"a": 755}),
    ("a: 1:20", {"a": "1:20"}),
    ("a: 1e3", {"a": 1000.0}),
    ("a: '30'", {"a": "30"}),
    ("", None),
])
def test_yaml_1_2_core_scalars(text: str, value: object) -> None:
    assert load(text) == value


@pytest.mark.parametrize(("text", "code", "place"), [
    ("a: 1\n---\nb: 2\n", "TR002", (2, 1)),
    ("a: .nan\n", "TR002", (1, 4)),
    ("? [a]\n: 1\n", "TR006", (1, 3)),
    ("<<: {a: 1}\n", "TR004", (1, 1)),
    ("a: !!binary aGVsbG8=\n", "TR005", (1, 4)),
    ("a: !custom x\n", "TR005", (1, 4)),
    ("a: 1\r\nb: \u2028\n", "TR001", (2, 4)),
    ("a: x\u202ey\n", "TR001", (1, 5)),
    ('a: "\\x1b[31mred"\n', "TR001", (1, 4)),
    ('a: "x\\ry"\n', "TR001", (1, 4)),
    ('"\\u202e": 1\n', "TR001", (1, 1)),
    ("a: 9223372036854775808\n", "TR002", (1, 4)),
    ("a: -9223372036854775809\n", "TR002", (1, 4)),
    ("a: " + "9" * 5000 + "\n", "TR002", (1, 4)),
    ("a: 0x1ffffffffffffffff\n", "TR002", (1, 4)),
    ("a: 1e400\n", "TR002", (1, 4)),
    ("a: [b, {c: 1e999}]\n", "TR002", (1, 12)),
])
def test_refusals_point_at_the_place(text: str, code: str, place: tuple[int, int]) -> None:
    with pytest.raises(FindingError) as caught:
        loader.loads(loader.decode(text.encode(), "t.yaml"), "t.yaml")
    finding = caught.value.finding
    assert (finding.code, (finding.line, finding.col)) == (code, place)


def test_largest_numbers_that_json_tools_agree_on_are_kept() -> None:
    assert load("a: [9223372036854775807, -9223372036854775808, 1.5e308]") == {
        "a": [2**63 - 1, -(2**63), 1.5e308]}


def test_invalid_utf8_column_counts_characters() -> None:
    raw = "café: 1\nnaïve: ".encode() + b"\xff\n"
    with pytest.raises(FindingError) as caught:
        loader.decode(raw, "t.yaml")
    assert (caught.value.finding.line, caught.value.finding.col) == (2, 8)


def test_marks_point_at_values_and_keys() -> None:
    doc = loader.loads("a:\n  b:\n    - x\n    - y: 1\n", "t.yaml")
    assert doc.marks[("a", "b", 1, "y")] == (4, 10)
    assert doc.key_marks[("a", "b")] == (2, 3)
    assert doc.mark(("a", "b", 5)) == doc.marks[("a", "b")]


def test_c_parser_is_used_when_present() -> None:
    assert loader.C_PARSER


def allowed(text: str) -> bool:
    """Text a valid file can hold: no forbidden characters, no carriage return in values."""
    return loader.FORBIDDEN_CHARS.search(text) is None and "\r" not in text


TRICKY = ["no", "yes", "on", "~", "null", "True", "2026-07-05", "0755", "0o17", "0x1F", "1:20", "1e3",
          ".5", "+1", "1_000", ".inf", ".nan", "-", "- x", "? x", ": x", "a: b", "#x", "x #y", "'", '"',
          "&a", "*a", "!x", "%x", "@x", "`x", "|", ">", "<<", "---", "...", "[", "{", " lead",
          "trail ", "a  b", "\t", "x\ny", "x\n", "\n\n", "", "\\", "é", "😀", "\u00a0", "ä" * 100]
texts = st.sampled_from(TRICKY) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
json_scalars = (st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1)
                | st.floats(allow_nan=False, allow_infinity=False) | texts.filter(allowed))
keys = texts.filter(lambda k: k != "" and allowed(k))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(keys, inner, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, json_values, max_size=5))
def test_dump_then_load_is_lossless(data: dict) -> None:
    doc = loader.loads(dump(data), "t.yaml")
    assert doc.data == data
    for key in data:
        assert (key,) in doc.marks


def reference_marks(node: yaml.Node, where: tuple = ()) -> Iterator[tuple[tuple, str, tuple[int, int]]]:
    """(path, "value" or "key", line:col) from PyYAML's pure-Python composer."""
    yield where, "value", (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield (*where, key.value), "key", (key.start_mark.line + 1, key.start_mark.column + 1)
            yield from reference_marks(value, (*where, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from reference_marks(item, (*where, i))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, json_values, min_size=1, max_size=5), st.booleans())
def test_marks_match_the_pure_python_composer(data: dict, flow: bool) -> None:
    text = yaml.dump(data, Dumper=CanonicalDumper, allow_unicode=True, default_flow_style=flow, width=40)
    doc = loader.loads(text, "t.yaml")
    for where, part, mark in reference_marks(yaml.compose(text, Loader=yaml.SafeLoader)):
        assert (doc.key_marks if part == "key" else doc.marks)[where] == mark, (where, part)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_json_text_loads_as_json(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert loader.loads(text, "t.json").data == json.loads(text)


def loads_or_finding(raw: bytes) -> None:
    """Any input gives JSON data or one finding inside the text: never another exception."""
    try:
        text = loader.decode(raw, "t.yaml")
        data = loader.loads(text, "t.yaml").data
    except FindingError as exc:
        lines = raw.count(b"\n") + 1
        assert 1 <= exc.finding.line <= lines and exc.finding.col >= 1, exc.finding
        assert exc.finding.code in {"TR001", "TR002", "TR003", "TR004", "TR005", "TR006", "TR007"}
    else:
        json.dumps(data, allow_nan=False)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_data_or_a_finding(raw: bytes) -> None:
    loads_or_finding(raw)


YAMLISH = st.lists(st.sampled_from([*":-[]{},&*!|>'\"#%@`?~<=\\. \t\n", "\r\n", "a", "b", "0", "1",
                                    "é", "\u2028", "\ufeff", "!!python/object", "<<", "---",
                                    "\\x1b", "  ", "1e999"]), max_size=60).map("".join)


@settings(max_examples=1000, deadline=None)
@given(YAMLISH)
def test_yaml_like_text_gives_data_or_a_finding(text: str) -> None:
    loads_or_finding(text.encode("utf-8"))


def test_tag_with_escapes_that_are_not_utf8_is_found_fast_in_a_big_file() -> None:
    """libyaml decodes a tag's %-escapes late and without a place: the loader finds the tag."""
    text = "".join(f"k{i}: 50% of https://example.com/%C0 {i}\n" for i in range(20_000))
    with pytest.raises(FindingError) as caught:
        loader.loads(text + "z: !x%C0%80 y\n", "big.yaml")
    assert caught.value.finding.text().startswith(
        "big.yaml:20001:4: TR005 a tag's %-escapes are not valid UTF-8")

"""The strict loader: JSON semantics, marks for every value, and refusals with line:col."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from trustreg import loader
from trustreg.findings import FindingError
from trustreg.fmt import dump


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
])
def test_refusals_point_at_the_place(text: str, code: str, place: tuple[int, int]) -> None:
    with pytest.raises(FindingError) as caught:
        loader.loads(loader.decode(text.encode(), "t.yaml"), "t.yaml")
    finding = caught.value.finding
    assert (finding.code, (finding.line, finding.col)) == (code, place)


def test_marks_point_at_values_and_keys() -> None:
    doc = loader.loads("a:\n  b:\n    - x\n    - y: 1\n", "t.yaml")
    assert doc.marks[("a", "b", 1, "y")] == (4, 10)
    assert doc.key_marks[("a", "b")] == (2, 3)
    assert doc.mark(("a", "b", 5)) == doc.marks[("a", "b")]


def test_c_parser_is_used_when_present() -> None:
    assert loader.C_PARSER


json_scalars = (st.none() | st.booleans() | st.integers(-10**12, 10**12)
                | st.floats(allow_nan=False, allow_infinity=False, width=32)
                | st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                        blacklist_characters="\ufeff\ufffe\uffff"), max_size=30))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(min_size=1, max_size=10).filter(
                               lambda k: loader._FORBIDDEN_CHARS.search(k) is None), inner,
                               max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=10).filter(
    lambda k: loader._FORBIDDEN_CHARS.search(k) is None), json_values, max_size=5))
def test_dump_then_load_is_lossless(data: dict) -> None:
    doc = loader.loads(dump(data), "t.yaml")
    assert doc.data == data
    for key in data:
        assert (key,) in doc.marks

"""TR116: the vocabulary's ids are unique and its groups resolve."""

from pathlib import Path

import pytest


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    group: eu_ai_act\n    graded_party: developer\n    facts:",
     "    group: eu_act\n    graded_party: developer\n    facts:", "group 'eu_act' is not declared"),
    ("  - id: iso_42001\n", "  - id: iso_27001\n", "dimensions id 'iso_27001' is declared twice"),
    ("forbids_routes: [public]", "forbids_routes: [publik]", "route 'publik' is not declared"),
    ("          yes_public: [all]", "          yes_publik: [all]", "grade 'yes_publik' is not declared"),
    ("remit: [gpai_cop]", "remit: [gpai_cop, art_53]", "dimension 'art_53' is not declared"),
    ("    kind: authority\n    source_kinds: [authority_list",
     "    kind: certificate_registry\n    source_kinds: [authority_list",
     "a certificate_registry speaks only for certifications, not gpai_cop"),
    ("  - kind: blog\n    host_labels:", "  - kind: weblog\n    host_labels:",
     "source kind 'weblog' is not declared"),
])
def test_inconsistent_vocabulary_fails(registry: Path, check, old: str, new: str,
                                       message: str) -> None:
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    assert old in text
    vocab.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check(registry)
    assert result.status == 1
    assert result.codes() == ["TR116"]
    assert result.lines[0].startswith("schema/vocabulary.yaml:")
    assert message in result.lines[0]


def test_consistent_vocabulary_passes(registry: Path, check) -> None:
    assert check(registry, "--select", "TR116").lines == []


def test_vocabulary_of_an_older_shape_is_a_finding_not_a_crash(registry: Path, check) -> None:
    (registry / "schema" / "vocabulary.schema.json").write_text(  # an older, looser schema/
        '{"$schema": "https://json-schema.org/draft/2020-12/schema"}', encoding="utf-8")
    vocab = registry / "schema" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    start, end = text.index("route:\n"), text.index("default: [")
    vocab.write_text(text[:start] + "route: [public, trust_center_nda, sales_contract]\n" + text[end:],
                     encoding="utf-8")
    result = check(registry)
    assert result.status == 1 and result.err == ""
    assert result.codes() == ["TR117"] * 3
    assert "route[0] must be a mapping" in result.lines[0]

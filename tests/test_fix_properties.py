"""`trustreg fix` is idempotent and lossless on any valid offering."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from trustreg import cli, loader
from trustreg.fmt import canonical_text
from trustreg.vocabulary import load_vocabulary

from .conftest import REPO

VOCAB = load_vocabulary(REPO)
COHERE = loader.load(REPO / "offerings" / "cohere-api.yaml").data
LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                             blacklist_characters="\ufeff\ufffe\uffff"), min_size=1, max_size=120)
TEXT = st.lists(LINE, min_size=1, max_size=3).map(" ".join)


@st.composite
def offerings(draw: st.DrawFn) -> dict:
    data = copy.deepcopy(COHERE)
    data["summary"] = draw(TEXT)
    data["name"] = draw(LINE)
    for dim, cell in data["cells"].items():
        cell["status"] = draw(st.sampled_from(list(VOCAB.grades)))
        cell["evidence"] = draw(TEXT)
        cell["caveat"] = draw(LINE)
        if draw(st.booleans()):
            cell["geography"] = draw(LINE)
        if dim == "retention_zdr":
            cell["facts"]["retention_days"] = draw(st.integers(0, 10**6))
    keys = list(data)
    return {k: data[k] for k in draw(st.permutations(keys))}  # any key order


@settings(max_examples=150, deadline=None)
@given(offerings())
def test_canonical_form_is_lossless_and_idempotent(data: dict) -> None:
    text = canonical_text(data, "offering", VOCAB)
    assert text is not None
    loaded = loader.loads(text, "x.yaml").data
    assert loaded == data
    assert canonical_text(loaded, "offering", VOCAB) == text


def test_fix_twice_changes_nothing_the_second_time(registry: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = registry / "offerings" / "cohere-api.yaml"
    data = loader.load(path).data
    shuffled = {k: data[k] for k in reversed(list(data))}
    path.write_text(yaml.safe_dump(shuffled, sort_keys=False, width=60), encoding="utf-8")
    assert cli.main(["--root", str(registry), "fix"]) == 0
    assert "reformatted offerings/cohere-api.yaml" in capsys.readouterr().out
    first = path.read_bytes()
    assert loader.load(path).data == data
    assert cli.main(["--root", str(registry), "fix"]) == 0
    assert capsys.readouterr().out == ""
    assert path.read_bytes() == first
    assert cli.main(["--root", str(registry), "fix", "--check"]) == 0


def test_fix_refuses_broken_files_and_writes_nothing(registry: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = registry / "offerings" / "cohere-api.yaml"
    broken = path.read_text(encoding="utf-8") + "id: again\n"
    path.write_text(broken, encoding="utf-8")
    assert cli.main(["--root", str(registry), "fix"]) == 1
    assert "TR003 duplicate key 'id'" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == broken

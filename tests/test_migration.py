"""Format 1 files migrate to format 2 by `trustreg fix`, losslessly; the Cohere entry is one."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
from trustreg import cli, loader
from trustreg.migration import FORMAT_1_ROUTES, UNSETTLED_ROUTES, migrate, settles
from trustreg.vocabulary_file import load_vocabulary

from .conftest import PUBLISHED, REPO

FORMAT_1_COHERE = REPO / "tests" / "format1" / "cohere-api.yaml"  # the entry as format 1 held it
VOCAB = load_vocabulary(REPO)


def back_to_format_1(data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of the migration: what shows that it loses nothing."""
    format_1 = {v: k for k, v in FORMAT_1_ROUTES.items()}
    out = {k: copy.deepcopy(v) for k, v in data.items() if k != "format"}
    for cell in out["cells"].values():
        if cell.get("route") in UNSETTLED_ROUTES:
            cell.pop("route_via")
        elif "route" in cell:
            cell["route"] = format_1[(cell["route"], cell.pop("route_via", None))]
    return out


def settled_as(data: dict[str, Any], route: str) -> dict[str, Any]:
    """The migrated data after a person settled every unsettled route as route."""
    out = copy.deepcopy(data)
    for cell in out["cells"].values():
        if cell.get("route") in UNSETTLED_ROUTES:
            cell["route"] = route
    return out


def without_source_kinds(data: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    for cell in out["cells"].values():
        for source in cell["sources"]:
            source.pop("kind", None)
    return out


def test_every_format_1_route_has_its_own_format_2_form() -> None:
    assert len(set(FORMAT_1_ROUTES.values())) == len(FORMAT_1_ROUTES)
    assert {route for route, _via in FORMAT_1_ROUTES.values()} <= set(VOCAB.route)
    for choices, _via in UNSETTLED_ROUTES.values():
        assert len(choices) > 1 and set(choices) <= set(VOCAB.route)
    assert not set(UNSETTLED_ROUTES) & set(VOCAB.route)  # the schema refuses it: a person settles it


def test_a_settled_route_is_not_a_change() -> None:
    assert settles("trust_center_nda", "nda") and settles("trust_center_nda", "sign_in")
    assert settles("nda", "nda") and not settles("nda", "sign_in")
    assert not settles("trust_center_nda", "public") and not settles("public", "nda")


def test_cohere_entry_migrates_with_no_loss() -> None:
    old = loader.load(FORMAT_1_COHERE).data
    new = migrate(old)
    assert new["format"] == 2
    assert back_to_format_1(new) == old
    assert new["cells"]["soc2_type2"]["route"] == "trust_center_nda"  # never guessed
    assert new["cells"]["soc2_type2"]["route_via"] == "trust center"
    # the published entry is the migrated one, settled as nda, plus each source's kind, by hand
    published = loader.load(PUBLISHED / "offerings" / "cohere-api.yaml").data
    assert without_source_kinds(published) == settled_as(new, "nda")


def test_migration_leaves_current_and_unknown_formats_alone() -> None:
    current = loader.load(PUBLISHED / "offerings" / "cohere-api.yaml").data
    assert migrate(current) is current
    future = {**current, "format": 3}
    assert migrate(future) is future


def test_check_names_old_files_and_fix_migrates_them(published: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = published / "offerings" / "cohere-api.yaml"
    shutil.copy2(FORMAT_1_COHERE, target)
    assert cli.main(["--root", str(published), "check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "offerings/cohere-api.yaml:1:1: TR122 file is in format 1 (it declares no `format`) "
        "(run `trustreg fix offerings/cohere-api.yaml` to migrate it)"]
    assert cli.main(["--root", str(published), "fix"]) == 0
    assert loader.load(target).data == migrate(loader.load(FORMAT_1_COHERE).data)
    capsys.readouterr()
    assert cli.main(["--root", str(published), "check"]) == 1  # what a person must settle and add
    out = capsys.readouterr().out.splitlines()
    assert {line.split(": ")[1].split()[0] for line in out} == {"TR118", "TR122"}
    settle = [line for line in out if " TR122 " in line]
    assert len(settle) == 2  # the two trust_center_nda cells, each with its own words
    assert "cells.soc2_type2.route 'trust_center_nda'" in settle[0]
    assert "the cell says: 'Report access requires a signed mutual NDA.'" in settle[0]
    assert "`nda` if a signed NDA is needed, `sign_in` if a sign-in" in settle[0]
    assert "'DPA requires NDA; subprocessors listed.'" in settle[1]


def test_a_migration_is_not_a_correction(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .gitrepo import Repo

    current = published / "offerings" / "cohere-api.yaml"
    migrated_text = current.read_text(encoding="utf-8")
    shutil.copy2(FORMAT_1_COHERE, current)
    repo = Repo(published)
    repo.commit("Format 1 published")
    current.write_text(migrated_text, encoding="utf-8")  # migrated, with the kinds of its sources
    capsys.readouterr()
    assert cli.main(["--root", str(published), "check", "--base", "HEAD"]) == 0
    # as published, the Commission's list was read live without a quote: a warning, and no more
    [line] = capsys.readouterr().out.splitlines()
    assert ": TR106 warning: a page of European Commission backs gpai_cop only with a quote" in line

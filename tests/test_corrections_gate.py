"""`trustreg check --base`: the correction gate has no side doors (variants, spellings of a page,
renamed or moved offerings, rule changes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli

from .gitrepo import Repo

EU = {"scope": "region", "applies_to": "EU", "status": "no_public_evidence",
      "caveat": "Synthetic: no statement for EU customers.",
      "sources": [{"url": "https://vendor.example/privacy/eu", "title": "Synthetic EU privacy notice",
                   "kind": "legal", "role": "primary", "retrieved": "2026-07-05"}]}
FRESH = {"url": "https://vendor.example/legal/training-2026", "title": "Synthetic training terms",
         "kind": "legal", "role": "primary", "retrieved": "2026-11-20"}
CELL = "training_on_customer_data"


@pytest.fixture
def repo(registry: Path) -> Repo:
    """The synthetic registry committed with a worse EU variant on one cell (a watch-out)."""
    repo = Repo(registry)
    data = repo.offering()
    data["cells"][CELL]["variants"] = [dict(EU, sources=[dict(s) for s in EU["sources"]])]
    repo.write(data)
    repo.commit("The registry, with a variant")
    return repo


def run(repo: Repo, capsys: pytest.CaptureFixture[str], base: str = "HEAD") -> tuple[int, list[str]]:
    capsys.readouterr()
    status = cli.main(["--root", str(repo.root), "check", "--base", base])
    return status, capsys.readouterr().out.splitlines()


def codes(lines: list[str]) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in lines]


def edit(repo: Repo, change, ident: str = "synthetic-api") -> None:
    data = repo.offering(ident)
    change(data["cells"][CELL])
    data["cells"][CELL]["verified"] = "2026-11-20"
    repo.write(data)


def flip(cell: dict) -> None:
    cell["variants"][0]["status"] = "partial"


def add_better(cell: dict) -> None:
    cell["variants"].append({"scope": "plan", "applies_to": "Enterprise", "status": "yes_public",
                             "sources": [dict(cell["sources"][0])]})


def delete_worse(cell: dict) -> None:
    del cell["variants"]


def widen(cell: dict) -> None:
    cell["variants"][0]["applies_to"] = "EU, US and APAC"


def promote(cell: dict) -> None:
    cell.update(status="no_public_evidence", caveat="Synthetic: no statement found.")
    cell["sources"].insert(0, dict(cell["variants"][0]["sources"][0], retrieved="2026-07-05"))
    del cell["variants"]


def with_fresh(change, where: str):
    def both(cell: dict) -> None:
        change(cell)
        target = cell if where == "cell" else cell["variants"][-1 if where == "last" else 0]
        target["sources"].insert(0, dict(FRESH))
    return both


@pytest.mark.parametrize(("change", "says"), [
    (flip, 'variant region "EU": grade changed no_public_evidence -> partial without a new'),
    (add_better, 'variant plan "Enterprise": added (yes_public) without a new'),
    (delete_worse, 'variant region "EU": removed (it was no_public_evidence) without a new'),
    (widen, 'variant region "EU, US and APAC" (was region "EU"): changed applies_to without a new'),
    (promote, "grade changed partial -> no_public_evidence without a new"),
])
def test_a_variant_correction_needs_a_new_primary_source(repo: Repo, capsys, change, says: str) -> None:
    edit(repo, change)
    status, lines = run(repo, capsys)
    assert status == 1 and set(codes(lines)) == {"TR201"}, lines  # promote: and the variant removed
    line = next(line for line in lines if says in line)
    assert f"TR201 synthetic-api/{CELL}" in line
    assert line.startswith("offerings/synthetic-api.yaml:") and line.endswith(")")


@pytest.mark.parametrize(("change", "where"), [(flip, "first"), (add_better, "last"),
                                                (delete_worse, "cell"), (widen, "first"),
                                                (promote, "cell")])
def test_a_variant_correction_with_a_new_primary_source_passes(repo: Repo, capsys, change,
                                                               where: str) -> None:
    edit(repo, with_fresh(change, where))
    assert run(repo, capsys) == (0, [])


def test_a_variant_correction_needs_a_newer_verified_date(repo: Repo, capsys) -> None:
    data = repo.offering()
    with_fresh(flip, "first")(data["cells"][CELL])
    data["cells"][CELL]["variants"][0]["sources"][0]["retrieved"] = "2026-07-05"
    repo.write(data)
    status, lines = run(repo, capsys)
    assert status == 1 and codes(lines) == ["TR202"]
    assert "1 variant(s) changed but verified is not newer than the base's 2026-07-05" in lines[0]


def test_a_variant_s_new_source_must_be_its_own(repo: Repo, capsys) -> None:
    def fresh_on_headline(cell: dict) -> None:
        flip(cell)
        cell["sources"].insert(0, dict(FRESH))
    edit(repo, fresh_on_headline)
    status, lines = run(repo, capsys)
    assert status == 1 and codes(lines) == ["TR201"] and 'variant region "EU"' in lines[0]


def test_reordering_variants_is_no_correction(repo: Repo, capsys) -> None:
    def two(cell: dict) -> None:
        add_better(cell)
        cell["variants"][-1]["sources"].insert(0, dict(FRESH))
    edit(repo, two)
    repo.commit("Two variants")
    edit(repo, lambda cell: cell["variants"].reverse())
    assert run(repo, capsys) == (0, [])


@pytest.mark.parametrize("spelling", ["https://trust.vendor.example/./", "https://trust.vendor.example/x/../",
                                      "https://trust.vendor.example/%2e/", "https://TRUST.vendor.example.:443"])
def test_another_spelling_of_a_cited_page_is_not_new(repo: Repo, capsys, spelling: str) -> None:
    def correct(cell: dict) -> None:
        cell.update(status="no_public_evidence", caveat="Synthetic: no statement found.")
        cell["sources"][0]["url"] = spelling  # the cell's trust center page, spelled otherwise
    edit(repo, correct)
    status, lines = run(repo, capsys)
    assert status == 1 and codes(lines) == ["TR201"], lines


def _escape(repo: Repo, ident: str, developer: str = "synthetic-vendor") -> None:
    """Rename the offering, reword it and spell its URLs otherwise, in one commit on a branch."""
    repo.git("checkout", "-q", "-b", "pr")
    data = repo.offering()
    (repo.root / "offerings" / "synthetic-api.yaml").unlink()
    data.update(id=ident, name="Synthetic Cloud Service", developer=developer, platform=developer,
                summary="Synthetic test offering, described anew: a hosted model API of a made-up vendor.")
    for n, cell in enumerate(data["cells"].values()):
        cell["evidence"] = f"Synthetic evidence, reworded in full for the test ({n})."
        for source in cell["sources"]:
            if source.get("url"):
                source["url"] = source["url"].replace("https://trust.vendor.example",
                                                      "https://trust.vendor.example/x/..")
    repo.write(data)
    repo.commit("A new offering")


def test_a_renamed_reworded_respelled_offering_is_still_compared(repo: Repo, capsys) -> None:
    _escape(repo, "synthetic-cloud")
    status, lines = run(repo, capsys, "main")
    assert status == 1
    assert "renamed synthetic-api -> synthetic-cloud" in _diff(repo, capsys)
    assert any("TR201 synthetic-cloud/soc2_type2: changed evidence without a new" in line for line in lines)


def test_an_offering_moved_to_a_duplicate_organisation_is_still_compared(repo: Repo, capsys) -> None:
    twin = (repo.root / "organisations" / "synthetic-vendor.yaml").read_text(encoding="utf-8")
    (repo.root / "organisations" / "synthetic-twin.yaml").write_text(
        twin.replace("id: synthetic-vendor", "id: synthetic-twin").replace(
            "name: Synthetic Vendor", "name: Synthetic Twin"), encoding="utf-8")
    _escape(repo, "twin-cloud", developer="synthetic-twin")
    status, lines = run(repo, capsys, "main")
    assert status == 1
    assert any("TR201 twin-cloud/soc2_type2: changed evidence without a new" in line for line in lines)
    assert "TR126" in codes(lines)


def _diff(repo: Repo, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert cli.main(["--root", str(repo.root), "diff", "main", "HEAD"]) == 0
    return capsys.readouterr().out.splitlines()


def test_organisations_sharing_a_domain_are_one_party_for_renames() -> None:
    from trustreg.corrections import same_party
    from trustreg.semdiff import offering_renames

    cell = {"status": "partial", "sources": [{"url": "https://a.example/doc", "role": "primary"}]}
    old = {"x": {"developer": "a", "platform": "a", "name": "X", "cells": {"d": cell},
                 "summary": "one"}}
    new = {"y": {"developer": "b", "platform": "b", "name": "Y", "cells": {"d": {
        "status": "yes_public", "sources": [{"url": "https://a.example/doc", "role": "primary"},
                                            {"url": "https://a.example/new", "role": "primary"},
                                            {"url": "https://a.example/more", "role": "primary"}]}}}}
    party = same_party({"a": {"domains": ["a.example"]}}, {"b": {"domains": ["A.example"]}})
    assert offering_renames(old, new) == {}  # one page of three, another party, another name
    assert offering_renames(old, new, same_party=party) == {"x": "y"}


def test_a_changed_route_via_is_shown_for_review(repo: Repo, capsys) -> None:
    data = repo.offering()
    data["cells"]["soc2_type2"]["route_via"] = "any sales representative"
    repo.write(data)
    status, lines = run(repo, capsys)
    assert status == 0 and codes(lines) == ["TR206"]  # a warning: a reviewer decides
    assert lines[0].startswith("offerings/synthetic-api.yaml:")
    assert ("synthetic-api/soc2_type2: route_via changed from trust center to any sales "
            "representative since the base") in lines[0]


def test_an_unchanged_route_via_is_quiet(repo: Repo, capsys) -> None:
    data = repo.offering()
    data["cells"]["soc2_type2"]["confidence"] = "medium"
    repo.write(data)
    assert run(repo, capsys) == (0, [])

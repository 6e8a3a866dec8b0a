"""`trustreg fix` is idempotent and lossless on any valid offering."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from trustreg import cli, loader
from trustreg.fixer import fix_files
from trustreg.fmt import WIDTH, CanonicalDumper, canonical_text, dump
from trustreg.jsonschemas.validation import SchemaSet
from trustreg.vocabulary_file import load_vocabulary

from .conftest import REPO, SYNTHETIC

VOCAB = load_vocabulary(REPO)
SCHEMAS = SchemaSet(REPO, VOCAB)
OFFERING = loader.load(SYNTHETIC / "offerings" / "synthetic-api.yaml").data
CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                      blacklist_characters="\ufeff\ufffe\uffff\u202a\u202b\u202c\u202d\u202e"
                                           "\u2066\u2067\u2068\u2069")
TRICKY = ["no", "yes", "~", "null", "2026-07-05", "0755", "0o17", "1e3", ".5", "1:20", "- x", "? x",
          "a: b", "x #y", "#x", "'", '"', "&a", "*a", "!x", "%x", "@x", "`x", "|", ">", "<<", "---",
          "...", " lead", "trail ", "a  b", "tab\there", "\\", "😀", "\u00a0", "w" * 130]
LINE = (st.sampled_from(TRICKY) | st.text(CHARS, min_size=1, max_size=120)).filter(str.strip)  # not blank
WORDS = st.lists(st.sampled_from(TRICKY) | st.text(CHARS, min_size=1, max_size=30), min_size=1, max_size=12)
TEXT = WORDS.map(" ".join) | st.lists(WORDS.map(" ".join), min_size=2, max_size=3).map(
    lambda parts: "\n\n".join(parts)) | WORDS.map(lambda w: "\n".join(w) + "\n")
TEXT = TEXT.filter(str.strip)
DATE = st.dates(min_value=date(1990, 1, 1)).map(lambda d: d.isoformat())
URL = st.sampled_from(["https://trust.vendor.example", "https://example.com/a?b=c&d=%20e#f",
                       "https://docs.vendor.example/" + "long-path/" * 20])


def short(strategy: st.SearchStrategy[str], limit: int) -> st.SearchStrategy[str]:
    return strategy.filter(lambda text: len(text) <= limit)


@st.composite
def fact_values(draw: st.DrawFn, spec: dict[str, Any]) -> Any:
    kind = spec["type"]
    if kind == "list":
        item = st.sampled_from(spec["enum"]) if "enum" in spec else short(LINE, 200)
        return draw(st.lists(item, min_size=1, max_size=3, unique=True))
    if "enum" in spec:
        return draw(st.sampled_from(spec["enum"]))
    if kind == "date":
        return draw(DATE)
    if kind == "boolean":
        return draw(st.booleans())
    if kind == "integer":
        return draw(st.integers(spec.get("minimum", -(2**31)), 2**40))
    return draw(short(LINE, 200))


@st.composite
def sources(draw: st.DrawFn) -> dict[str, Any]:
    source = {"url": draw(URL), "title": draw(short(LINE, 200)),
              "role": draw(st.sampled_from(["primary", "lead"])), "retrieved": draw(DATE)}
    if draw(st.booleans()):
        source["kind"] = draw(st.sampled_from(list(VOCAB.source_kinds)))
    if draw(st.booleans()):
        source["quote"] = draw(short(TEXT, 2000))
    if draw(st.booleans()):
        source["archived"] = draw(URL)
    if source["role"] == "lead" and draw(st.booleans()):
        del source["url"], source["retrieved"]
    return source


@st.composite
def variants(draw: st.DrawFn) -> dict[str, Any]:
    variant = {"scope": draw(st.sampled_from(VOCAB.variant_scope)),
               "applies_to": draw(short(LINE, 120)),
               "status": draw(st.sampled_from(list(VOCAB.grades))),
               "sources": draw(st.lists(sources(), max_size=2))}
    if draw(st.booleans()):
        variant["caveat"] = draw(short(LINE, 200))
    return {k: variant[k] for k in draw(st.permutations(list(variant)))}


@st.composite
def cells(draw: st.DrawFn, dim: str, cell: dict[str, Any]) -> dict[str, Any]:
    cell = copy.deepcopy(cell)
    cell.update(status=draw(st.sampled_from(list(VOCAB.grades))), evidence=draw(short(TEXT, 4000)),
                confidence=draw(st.sampled_from(VOCAB.confidence)), verified=draw(DATE))
    optional = {"caveat": short(LINE, 200), "tier": st.sampled_from(VOCAB.tier),
                "route": st.sampled_from(VOCAB.route), "default": st.sampled_from(VOCAB.default),
                "geography": short(LINE, 80), "route_via": short(LINE, 80),
                "variants": st.lists(variants(), min_size=1, max_size=2)}
    for key, values in optional.items():
        cell.pop(key, None)
        if draw(st.booleans()):
            cell[key] = draw(values)
    facts = VOCAB.dimensions[dim].facts
    cell.pop("facts", None)
    if facts and draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(list(facts)), unique=True))
        cell["facts"] = {name: draw(fact_values(facts[name])) for name in chosen}
    cell["sources"] = draw(st.lists(sources(), max_size=3))
    cell.pop("reviews", None)
    if draw(st.booleans()):
        cell["reviews"] = draw(st.lists(st.fixed_dictionaries(
            {"date": DATE, "by": short(LINE, 120), "reviewer": st.sampled_from(["human", "monitor"]),
             "decision": st.sampled_from(["dismissed", "confirmed", "reverified"]),
             "note": short(TEXT, 2000)}, optional={"alert": short(LINE, 200)}),
            min_size=1, max_size=2))
    return {k: cell[k] for k in draw(st.permutations(list(cell)))}


@st.composite
def offerings(draw: st.DrawFn) -> dict[str, Any]:
    """A schema-valid offering: any texts, optional keys present or not, keys in any order."""
    data = copy.deepcopy(OFFERING)
    data.update(name=draw(short(LINE, 120)), model_family=draw(short(LINE, 120)),
                summary=draw(short(TEXT, 2000)))
    data.pop("hosting")
    if draw(st.booleans()):
        data["hosting"] = draw(st.fixed_dictionaries({}, optional={
            "cloud": LINE, "regions": st.lists(LINE, unique=True, max_size=3)}))
    data["cells"] = {dim: draw(cells(dim, cell)) for dim, cell in
                     draw(st.permutations(list(OFFERING["cells"].items())))}
    data = {k: data[k] for k in draw(st.permutations(list(data)))}
    assert SCHEMAS.fast("offering").is_valid(data), SCHEMAS.findings(loader.Document("x", "", data),
                                                                      "offering")
    return data


def any_style(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """The same data as a contributor might write it: any flow style, width or indent, or JSON."""
    if draw(st.booleans()):
        return json.dumps(data, ensure_ascii=False, indent=draw(st.sampled_from([None, 1, 4])))
    return yaml.dump(data, Dumper=CanonicalDumper, sort_keys=False, allow_unicode=draw(st.booleans()),
                     default_flow_style=draw(st.sampled_from([False, True, None])),
                     width=draw(st.integers(20, 300)), indent=draw(st.integers(2, 6)),
                     explicit_start=draw(st.booleans()))


@settings(max_examples=80, deadline=None)
@given(offerings())
def test_canonical_form_is_lossless_and_idempotent(data: dict) -> None:
    text = canonical_text(data, "offering", VOCAB)
    assert text is not None
    loaded = loader.loads(text, "x.yaml").data
    assert loaded == data
    assert canonical_text(loaded, "offering", VOCAB) == text


@settings(max_examples=40, deadline=None)
@given(offerings())
def test_dump_writes_what_pyyaml_representer_writes(data: dict) -> None:
    """fmt.dump builds nodes itself for speed; its text must stay PyYAML's, byte for byte."""
    assert dump(data) == yaml.dump(data, Dumper=CanonicalDumper, sort_keys=False, allow_unicode=True,
                                   width=WIDTH, indent=2, default_flow_style=False)


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_fix_brings_any_style_to_the_one_form(draw: st.DataObject) -> None:
    data = draw.draw(offerings())
    written = any_style(draw.draw, data)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "schema", root / "schema")
        shutil.copy(SYNTHETIC / "registry.yaml", root)
        path = root / "offerings" / "synthetic.yaml"
        path.parent.mkdir()
        path.write_text(written, encoding="utf-8")
        assert loader.load(path).data == data
        report = fix_files(root, [path], write=True)
        assert report.findings == []
        fixed = path.read_text(encoding="utf-8")
        assert fixed == canonical_text(data, "offering", VOCAB)
        assert loader.load(path).data == data
        again = fix_files(root, [path], write=True)
        assert (again.changed, again.findings) == ([], [])
        assert path.read_text(encoding="utf-8") == fixed


def test_fix_twice_changes_nothing_the_second_time(registry: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = registry / "offerings" / "synthetic-api.yaml"
    data = loader.load(path).data
    shuffled = {k: data[k] for k in reversed(list(data))}
    path.write_text(yaml.safe_dump(shuffled, sort_keys=False, width=60), encoding="utf-8")
    assert cli.main(["--root", str(registry), "fix"]) == 0
    assert "reformatted offerings/synthetic-api.yaml" in capsys.readouterr().out
    first = path.read_bytes()
    assert loader.load(path).data == data
    assert cli.main(["--root", str(registry), "fix"]) == 0
    assert capsys.readouterr().out == ""
    assert path.read_bytes() == first
    assert cli.main(["--root", str(registry), "fix", "--check"]) == 0


def test_fix_refuses_broken_files_and_writes_nothing(registry: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = registry / "offerings" / "synthetic-api.yaml"
    broken = path.read_text(encoding="utf-8") + "id: again\n"
    path.write_text(broken, encoding="utf-8")
    assert cli.main(["--root", str(registry), "fix"]) == 1
    assert "TR003 duplicate key 'id'" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == broken


def fix(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["--root", str(root), "fix", *args])
    out, err = capsys.readouterr()
    return status, out, err


def unformat(path: Path) -> bytes:
    path.write_text(yaml.safe_dump(loader.load(path).data, sort_keys=True, width=60), encoding="utf-8")
    return path.read_bytes()


@pytest.mark.parametrize("name", ["elsewhere/synthetic-api.yaml", "registry.yaml", "schema/vocabulary.yaml",
                                  "offerings/sub/synthetic-api.yaml", "linked/synthetic-api.yaml", "tests"])
def test_fix_rewrites_only_offering_and_organisation_files(
        registry: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        name: str) -> None:
    for folder in ("elsewhere", "offerings/sub", "tests"):
        (registry / folder).mkdir()
        shutil.copy(registry / "offerings" / "synthetic-api.yaml", registry / folder)
    (registry / "linked").symlink_to(registry / "elsewhere")
    before = {p: unformat(p) for p in registry.rglob("*.yaml") if not p.is_symlink()}
    monkeypatch.chdir(registry)
    status, out, err = fix(registry, capsys, name)
    assert (status, out) == (2, "")
    assert err.startswith(f"trustreg fix: {name} ") and err.count("\n") == 1
    assert {p: p.read_bytes() for p in before} == before


def test_fix_takes_a_folder(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unformat(registry / "offerings" / "synthetic-api.yaml")
    status, out, _ = fix(registry, capsys, str(registry / "offerings"))
    assert (status, out) == (0, "reformatted offerings/synthetic-api.yaml\n")


def test_fix_refuses_a_file_with_comments(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = registry / "offerings" / "synthetic-api.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: Synthetic API\n", "name: Synthetic API  # the API\n")
    path.write_text("# Reviewed by Ada\n" + text, encoding="utf-8")
    before = path.read_bytes()
    expected = [f"offerings/synthetic-api.yaml:{place}: TR112 comment would be lost: comments are not "
                "data (put what a reader needs into a field, then delete the comment)"
                for place in ("1:1", "4:22")]  # header, id, format, name
    status, out, err = fix(registry, capsys)
    assert (status, out, err.splitlines()) == (1, "", expected)
    assert path.read_bytes() == before
    assert cli.main(["--root", str(registry), "check"]) == 1  # check says the same
    assert capsys.readouterr().out.splitlines() == expected


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_fix_reports_what_it_cannot_write(registry: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, read_only: str) -> None:
    path = registry / "offerings" / "synthetic-api.yaml"
    before = unformat(path)
    if read_only == "file":
        path.chmod(0o444)
    else:  # tests may run as root, whom a read-only folder does not stop: fail as the OS would
        def refuse(*_args: object) -> None:
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr("trustreg.atomic.write_text", refuse)
    status, out, err = fix(registry, capsys)
    assert (status, out) == (1, "")
    assert err.startswith("offerings/synthetic-api.yaml:1:1: TR112 cannot rewrite the file: ")
    assert err.count("\n") == 1
    assert path.read_bytes() == before

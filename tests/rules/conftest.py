"""Helpers for rule tests: mutate the synthetic offering of a fixture registry, then check it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from trustreg import cli, loader
from trustreg.fmt import canonical_offering, dump
from trustreg.vocabulary_file import load_vocabulary

OFFERING = "offerings/synthetic-api.yaml"


class Checked:
    """The outcome of one `trustreg check` run."""

    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err
        self.lines = [line for line in out.splitlines() if line]

    def codes(self) -> list[str]:
        return [line.split(": ", 1)[1].split(" ", 1)[0] for line in self.lines]


@pytest.fixture
def check(capsys: pytest.CaptureFixture[str]) -> Callable[..., Checked]:
    def run(root: Path, *args: str) -> Checked:
        capsys.readouterr()  # drop what earlier commands of the test printed
        status = cli.main(["--root", str(root), "check", *args])
        captured = capsys.readouterr()
        return Checked(status, captured.out, captured.err)

    return run


def synthetic(root: Path) -> dict[str, Any]:
    return loader.load(root / OFFERING).data


def write(root: Path, data: dict[str, Any], name: str = OFFERING) -> Path:
    """Write offering data in canonical form, so only the intended rule can fire."""
    path = root / name
    path.write_text(dump(canonical_offering(data, load_vocabulary(root))), encoding="utf-8")
    return path


def mutate(root: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = synthetic(root)
    change(data)
    return write(root, data)


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line containing needle."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")

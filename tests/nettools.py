"""Shared by the network commands' tests: a registry whose sources all point at a loopback server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from trustreg import cli, loader
from trustreg.fmt import dump

from .netserver import Server

OFFERING = "offerings/synthetic-api.yaml"
HOSTS = ("trust.vendor.example", "vendor.example", "docs.vendor.example",
         "digital-strategy.commission.example", "elsewhere.example", "web.archive.org")
TRUST = "https://trust.vendor.example"


def resolve_args(server: Server) -> list[str]:
    return [arg for host in HOSTS for arg in ("--resolve", f"{host}={server.base}")]


def synthetic(root: Path) -> dict[str, Any]:
    return loader.load(root / OFFERING).data


def point_sources(root: Path, **paths: tuple[str, str | None]) -> None:
    """Every primary source at <its host>/quote, the vendor's at TRUST/quote without a quote (the
    Commission's keep theirs); dimension=(path, quote) overrides."""
    data = synthetic(root)
    for dim, cell in data["cells"].items():
        for source in cell["sources"]:
            if source["role"] == "primary":
                host = source["url"].split("/")[2]
                authority = host.endswith("commission.example")  # its pages back a grade with a quote
                host = host if authority else "trust.vendor.example"
                source["url"] = f"https://{host}/quote"
                if not authority:
                    source.pop("quote", None)
        seen: set[str] = set()  # a cell cites a page once (TR125)
        cell["sources"] = [s for s in cell["sources"]
                           if s.get("url") is None or not (s["url"] in seen or seen.add(s["url"]))]
        if dim in paths:
            path, quote = paths[dim]
            first = next(s for s in cell["sources"] if s["role"] == "primary")
            first["url"] = f"{TRUST}{path}"
            if quote:
                first["quote"] = quote
    (root / OFFERING).write_text(dump(data), encoding="utf-8")


def trustreg(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command line on root: (exit status, stdout, stderr)."""
    capsys.readouterr()
    status = cli.main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return status, out, err

"""dist/releases/<YYYY.MM.DD>/: dated copies of the published files and their SHA256SUMS.

The name is the release tag at the commit built (e.g. 2026.12.05), else the build date written
the same way. The folder is flat, as a GitHub Release's assets are: the copies are byte for byte
the files of dist/, and SHA256SUMS lists them in the format `sha256sum -c` reads.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from .. import gitdata
from ..changelog import is_tag
from ..model import Registry
from .stamps import Stamps

RELEASES_DIR = "releases"
SUMS_FILE = "SHA256SUMS"
# dist/ paths copied, each under its file name
RELEASED = ("data.json", "offerings.jsonl", "offerings.csv", "datapackage.json", "registry.sqlite",
            "changes.atom", "api/v1/openapi.json", "api/v1/schemas/data.schema.json",
            "api/v1/schemas/offering.schema.json", "api/v1/schemas/offerings.schema.json")


def release_name(registry: Registry, stamps: Stamps) -> str:
    """The release tag at HEAD (the newest if several), else the build date as YYYY.MM.DD."""
    if gitdata.has_commits(registry.root):
        head = gitdata.git(registry.root, "rev-parse", "HEAD").decode().strip()
        tag = gitdata.release_tags(registry.root).get(head)
        if tag and is_tag(tag):
            return tag
    return stamps.generated.replace("-", ".")


def sums_text(folder: Path, names: list[str]) -> str:
    return "".join(f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()}  {n}\n" for n in names)


def write_release(registry: Registry, stamps: Stamps, out: Path) -> str:
    """Copy the released files into releases/<name>/ with SHA256SUMS; returns the folder's path."""
    rel = f"{RELEASES_DIR}/{release_name(registry, stamps)}"
    folder = out / rel
    folder.mkdir(parents=True)
    names = [path.rsplit("/", 1)[-1] for path in RELEASED]
    for path, name in zip(RELEASED, names, strict=True):
        shutil.copyfile(out / path, folder / name)
    (folder / SUMS_FILE).write_text(sums_text(folder, names), encoding="utf-8")
    return rel

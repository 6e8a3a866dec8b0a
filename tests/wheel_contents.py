"""The built wheel installs the `trustreg` command and trustreg.api.load_feed (run by `nox -s lint`).

Usage: python tests/wheel_contents.py FOLDER_WITH_THE_WHEEL
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path


def problems(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next((archive.read(n).decode() for n in names
                             if n.endswith(".dist-info/entry_points.txt")), "")
        api = archive.read("trustreg/api.py").decode() if "trustreg/api.py" in names else ""
    found = []
    if "trustreg = trustreg.cli:main" not in entry_points:
        found.append("no `trustreg` console script in entry_points.txt")
    if "def load_feed(" not in api:
        found.append("trustreg/api.py with load_feed is missing")
    for module in ("trustreg/jsonschemas/published.py", "trustreg/jsonschemas/outputs.py",
                   "trustreg/py.typed"):
        if module not in names:
            found.append(f"{module} is missing (load_feed needs it)")
    return found


def main(folder: str) -> int:
    wheels = sorted(Path(folder).glob("trustreg-*.whl"))
    if len(wheels) != 1:
        print(f"wheel contents: expected one trustreg wheel in {folder}, found {len(wheels)}",
              file=sys.stderr)
        return 1
    found = problems(wheels[0])
    for problem in found:
        print(f"{wheels[0].name}: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]) if len(sys.argv) == 2 else 2)

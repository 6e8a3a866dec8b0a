"""Every shell block of README.md and CONTRIBUTING.md runs as written in a fresh clone.

The blocks run in order, as a newcomer would type them, in a copy of this checkout made into
a new git repository with nothing beside it. Their `pip install` lines reach PyPI, so the test
runs in its own nox session (`nox -s docs`), not in `nox -s tests`. The README's test command
is the one CI runs (`.ci/run`); running it here would run this test again, so it is skipped.
Blocks fenced as ```sh network fetch pages (cite, watch): no test reaches the network, so they
are not run, and a test checks that they hold nothing but network commands.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO
from .test_project_files import readme_commands

pytestmark = [pytest.mark.docs, pytest.mark.live]  # runs the checkout's own data, on the real date
DOCUMENTS = ("README.md", "CONTRIBUTING.md")
MAY_FIND = ("trustreg check",)  # commands documented to exit 1 while there is something to fix


NETWORK_COMMANDS = ("trustreg cite ", "trustreg watch", "trustreg links", "trustreg check --quotes")


def shell_lines(document: str, info: str = "") -> list[str]:
    """The commands of a document's ```sh (or ```sh INFO) blocks, in order, continuations joined."""
    text = (REPO / document).read_text(encoding="utf-8")
    blocks = re.findall(rf"^```(?:sh|bash){re.escape(' ' + info if info else '')}\n(.*?)^```",
                        text, re.S | re.M)
    commands = [re.sub(r"\\\n\s*", "", block) for block in blocks]
    return [line for block in commands for line in block.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_blocks_left_unrun_hold_only_network_commands(document: str) -> None:
    for line in shell_lines(document, "network"):
        assert line.startswith(NETWORK_COMMANDS), line


def fresh_clone(target: Path) -> Path:
    """This checkout's tracked and new files as a new repository on branch main."""
    files = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others",
                            "--exclude-standard"], capture_output=True, check=True).stdout
    for name in filter(None, files.decode("utf-8", "surrogateescape").split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "clone"]):
        subprocess.run(["git", "-C", str(target), *args], check=True, capture_output=True)
    return target


def test_every_shell_block_runs_as_written(tmp_path: Path) -> None:
    clone = fresh_clone(tmp_path / "clone")
    env = {**os.environ, "GIT_AUTHOR_NAME": "Synthetic Tester", "GIT_AUTHOR_EMAIL": "tester@example.com",
           "GIT_COMMITTER_NAME": "Synthetic Tester", "GIT_COMMITTER_EMAIL": "tester@example.com",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("VIRTUAL_ENV", None)
    # a person who sourced .venv/bin/activate has it first on PATH
    env["PATH"] = f"{clone / '.venv' / 'bin'}{os.pathsep}{env['PATH']}"
    skipped = readme_commands()[1]
    ran = []
    for document in DOCUMENTS:
        for line in shell_lines(document):
            if line == skipped:
                continue
            done = subprocess.run(["bash", "-c", line], cwd=clone, env=env, capture_output=True,
                                  text=True, timeout=900)
            output = done.stdout + done.stderr
            allowed = (0, 1) if line.startswith(MAY_FIND) else (0,)
            assert done.returncode in allowed, f"{document}: `{line}` exited {done.returncode}:\n{output}"
            assert "Traceback" not in output, f"{document}: `{line}`:\n{output}"
            ran.append(line)
    assert len(ran) >= 5
    assert (clone / "dist" / "data.json").is_file()  # the README's main job ran
    assert (clone / ".git" / "hooks" / "pre-commit").is_file()  # CONTRIBUTING's set-up ran
    assert (clone / "offerings" / "example-labs-api.yaml").is_file()  # and its example

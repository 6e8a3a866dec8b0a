"""Run a command in a fresh process and report its wall time and peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kib": peak_kib, "status": done.returncode,
                  "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}))
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    status: int
    stderr: str


def run(command: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Time one command; the peak is the largest resident size of any of its processes."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *map(str, command)], cwd=cwd, env=env,
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    return Run(data["seconds"], data["peak_kib"] / 1024, data["status"], data["stderr"])


def best(command: list[str | Path], repeat: int = 3, **kwargs: object) -> Run:
    """The fastest of several runs (the usual way to time a command on a busy machine)."""
    return min((run(command, **kwargs) for _ in range(repeat)), key=lambda r: r.seconds)  # type: ignore[arg-type]

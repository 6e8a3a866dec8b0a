"""The weekly watch workflow and the opt-in nox session run `trustreg watch` as documented."""

from __future__ import annotations

import re

import yaml

from .conftest import REPO


def test_weekly_workflow_reports_to_one_issue() -> None:
    flow = yaml.safe_load((REPO / ".github" / "workflows" / "watch.yml").read_text(encoding="utf-8"))
    triggers = flow[True]  # PyYAML reads the key `on` as a boolean
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", triggers["schedule"][0]["cron"])  # once a week
    assert flow["permissions"] == {"contents": "read", "issues": "write"}
    steps = "\n".join(str(s.get("run", "")) for s in flow["jobs"]["watch"]["steps"])
    assert "python3 -m trustreg watch --format markdown > report.md" in steps
    assert "gh issue edit" in steps and "gh issue create" in steps and "gh issue close" in steps


def test_nox_watch_session_is_opt_in() -> None:
    text = (REPO / "noxfile.py").read_text(encoding="utf-8")
    assert re.search(r'@nox\.session\(default=False\)\ndef watch\(', text)
    assert '"watch"' not in re.search(r"nox\.options\.sessions = \[(.*?)\]", text).group(1)

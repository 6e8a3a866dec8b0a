"""Break the synthetic offering in one field, as a contributor might in an editor: one finding,
on the line of the break, with the rule code and a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustreg import cli

OFFERING = "offerings/synthetic-api.yaml"

# (what a user did, text before, text after, expected code, text on the expected line)
BREAKS = [
    ("misspelt grade", "status: partial\n", "status: partal\n", "TR100", "status: partal"),
    ("misspelt key", "    confidence: medium\n", "    confidance: medium\n", "TR100", "confidance"),
    ("unquoted impossible date", "    verified: '2026-07-05'\n    tier: self_serve\n    route: public\n",
     "    verified: '2026-07-32'\n    tier: self_serve\n    route: public\n", "TR108", "2026-07-32"),
    ("fact typo", "retention_days: 30", "retention_day: 30", "TR110", "retention_day:"),
    ("fact as text", "retention_days: 30", "retention_days: thirty", "TR110", "thirty"),
    ("boolean as yes", "subprocessors_public: true", "subprocessors_public: yes", "TR110",
     "subprocessors_public"),
    ("http link", "- url: https://vendor.example/security", "- url: http://vendor.example/security",
     "TR107", "http://vendor.example"),
    ("caveat deleted", "    caveat: DPA requires NDA; subprocessors listed.\n", "", "TR104",
     "status: partial"),
    ("unknown developer", "developer: synthetic-vendor", "developer: synthetic-inc", "TR103", "developer:"),
    ("id not matching file", "id: synthetic-api", "id: synthetic", "TR101", "id: synthetic"),
    ("tab indentation", "  cloud: Example Cloud", "\tcloud: Example Cloud",
     "TR002", "cloud: Example"),
    ("duplicate key", "model_family: Synthetic Command\n",
     "model_family: Synthetic Command\nmodel_family: Cmd\n",
     "TR003", "model_family: Cmd"),
    ("grade with wrong case", "status: yes_sales_gated", "status: Yes_Sales_Gated", "TR100",
     "Yes_Sales_Gated"),
    ("caveat emptied", "caveat: DPA requires NDA; subprocessors listed.", "caveat: ''", "TR100",
     "caveat: ''"),
    ("date without leading zero", "verified: '2026-07-05'", "verified: '2026-7-5'", "TR108",
     "2026-7-5"),
]


@pytest.mark.parametrize(("before", "after", "code", "needle"),
                         [b[1:] for b in BREAKS], ids=[b[0] for b in BREAKS])
def test_one_break_one_finding(registry: Path, capsys: pytest.CaptureFixture[str],
                               before: str, after: str, code: str, needle: str) -> None:
    path = registry / OFFERING
    text = path.read_text(encoding="utf-8")
    assert before in text
    broken = text.replace(before, after, 1)
    path.write_text(broken, encoding="utf-8")
    status = cli.main(["--root", str(registry), "check"])
    out, err = capsys.readouterr()
    lines = out.splitlines()
    line = next(n for n, t in enumerate(broken.splitlines(), start=1) if needle in t)
    assert status == 1
    assert err == ""
    assert len(lines) == 1, out
    assert lines[0].startswith(f"{OFFERING}:{line}:")
    assert f": {code} " in lines[0]
    assert lines[0].endswith(")"), "every finding ends with a hint in parentheses"

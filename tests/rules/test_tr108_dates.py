"""TR108: dates are real and not in the future (today is frozen at 2026-11-24)."""

from pathlib import Path

import pytest

from .conftest import mutate


@pytest.mark.parametrize(("value", "message"), [
    ("2026-02-30", "is not a valid date"),
    ("2026-11-25", "is in the future"),
    ("0000-01-01", "has the wrong form"),
    ("1989-12-31", "has the wrong form"),
    ("2026-13-01", "has the wrong form"),
])
def test_impossible_or_future_date_fails(registry: Path, check, value: str, message: str) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(verified=value))
    result = check(registry, "--select", "TR108")
    assert result.codes() == ["TR108"]
    assert message in result.lines[0]


def test_today_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["iso_27001"].update(verified="2026-11-24"))
    assert check(registry, "--select", "TR108").lines == []


def test_future_date_fact_fails(registry: Path, check) -> None:
    from .conftest import mutate
    mutate(registry, lambda d: d["cells"]["gpai_cop"]["facts"].update(signed="2027-01-01"))
    result = check(registry)
    assert result.codes() == ["TR108"]
    assert "date 2027-01-01 is in the future" in result.lines[0]


@pytest.mark.parametrize("where", ["verified", "retrieved"])
def test_year_zero_gives_a_finding_in_check_and_stale(registry: Path, check, capsys, where: str) -> None:
    from trustreg import cli

    def change(data: dict) -> None:
        cell = data["cells"]["iso_27001"]
        (cell if where == "verified" else cell["sources"][0])[where] = "0000-01-01"
    mutate(registry, change)
    result = check(registry)
    assert result.status == 1 and result.codes() == ["TR108"] and result.err == ""
    assert cli.main(["--root", str(registry), "stale"]) == 0  # the offering is left out, no crash
    assert "Traceback" not in capsys.readouterr().err


def test_parsed_never_raises() -> None:
    from trustreg.rules.tr108_dates import parsed

    assert [parsed(v) for v in ("0000-01-01", "2026-02-30", "x" * 10, "", "2026-1-1")] == [None] * 5


def test_draft_and_copy_dates_in_the_future_fail(registry: Path, check) -> None:
    from .evidence import drafted

    path = drafted(registry)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("date: '2026-11-20'", "date: '2026-12-01'", 1)
                    .replace("captured: '2026-09-14'", "captured: '2027-01-01'", 1), encoding="utf-8")
    result = check(registry, "--select", "TR108")
    assert result.codes() == ["TR108", "TR108"]
    assert all("is in the future (today is 2026-11-24)" in line for line in result.lines)


def test_excerpt_read_in_the_future_fails(registry: Path, check) -> None:
    from .evidence import PASSAGES, SECURITY, drafted, write_excerpt

    drafted(registry)
    write_excerpt(registry, SECURITY, PASSAGES[SECURITY], retrieved="2026-12-24", sha256="b" * 64)
    result = check(registry, "--select", "TR108")
    assert result.lines == ["excerpts/vendor.example/security.yaml:2:12: TR108 date 2026-12-24 is in the "
                            "future (today is 2026-11-24) (use the date the check actually happened)"]

"""cite and watch trust the vocabulary's reviewed independent parties within their remit, as TR106
does, not any organisation of kind authority."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from . import netserver
from .netserver import QUOTE
from .nettools import TRUST, point_sources, resolve_args, synthetic, trustreg

EC = "https://digital-strategy.commission.example"  # the synthetic Commission


def cite(run, server: netserver.Server, *args: str) -> tuple[int, str, str]:
    return run("cite", *args, "--timeout", "1", "--delay", "0", *resolve_args(server),
               "--resolve", f"rogue-authority.example={server.base}")


def test_an_independent_party_is_primary_within_its_remit(registry: Path, run, server) -> None:
    status, out, _ = cite(run, server, "synthetic-api", "gpai_cop", f"{EC}/quote", "--kind", "authority_list")
    assert status == 0 and "as primary" in out
    assert synthetic(registry)["cells"]["gpai_cop"]["sources"][-1]["role"] == "primary"


@pytest.mark.parametrize(("dimension", "kind"), [("soc2_type2", "authority_list"),  # outside the remit
                                                 ("gpai_cop", "trust_center")])  # not one of its kinds
def test_an_independent_party_outside_its_remit_is_a_lead(registry: Path, run, server,
                                                          dimension: str, kind: str) -> None:
    status, out, _ = cite(run, server, "synthetic-api", dimension, f"{EC}/quote", "--kind", kind)
    assert status == 0
    assert ("as lead (digital-strategy.commission.example is not a domain of synthetic-vendor or of an "
            f"independent party listed for {dimension} and {kind} pages)") in out
    assert synthetic(registry)["cells"][dimension]["sources"][-1]["role"] == "lead"


def test_an_authority_the_vocabulary_does_not_list_is_a_lead(registry: Path, run, server) -> None:
    (registry / "organisations" / "rogue-authority.yaml").write_text(
        "id: rogue-authority\nname: Rogue Authority\nkind: authority\ndomains:\n- rogue-authority.example\n",
        encoding="utf-8")
    status, out, _ = cite(run, server, "synthetic-api", "gpai_cop", "https://rogue-authority.example/quote",
                          "--kind", "authority_list", "--quote", QUOTE)
    assert status == 0 and "as lead" in out
    assert synthetic(registry)["cells"]["gpai_cop"]["sources"][-1]["role"] == "lead"


def test_watch_reports_a_redirect_to_an_independent_party_outside_its_remit(
        registry: Path, capsys: pytest.CaptureFixture[str], server: netserver.Server) -> None:
    point_sources(registry, soc2_type2=(f"/redirect-to/{quote(EC + '/quote', safe='')}", None))
    status, out, _ = trustreg(registry, capsys, "watch", "--timeout", "1", "--delay", "0",
                              *resolve_args(server))
    assert status == 1
    assert out.startswith("Moved off the graded party's domains (1)\n")
    assert f"redirects to {EC}/quote, not a domain of synthetic-vendor" in out
    assert TRUST in out

"""TR200-TR203: corrections against a base revision (`trustreg check --base REV`)."""

from .base import Rule, register

register(Rule("TR200", "base-loads", "registry",
              "With --base: an offering file loads at the base, so its corrections can be checked."))
register(Rule("TR201", "correction-has-fresh-source", "registry",
              "With --base: a corrected cell (grade, caveat, evidence, facts, tier, route, default) "
              "cites a primary source that is new or re-retrieved since the base."))
register(Rule("TR202", "correction-reverified", "registry",
              "With --base: a corrected cell's verified date is newer than the base's."))
register(Rule("TR203", "organisation-domain-added", "registry",
              "With --base: a domain added to an organisation is shown to a reviewer (sources on "
              "it count as primary).", severity="warning", kinds=("organisation",)))

"""TR201, TR202: corrections against a base revision (`trustreg check --base REV`)."""

from .base import Rule, register

register(Rule("TR201", "correction-has-fresh-source", "registry",
              "With --base: a corrected cell (grade, caveat, evidence, facts, tier, route, default) "
              "cites a primary source that is new or re-retrieved since the base."))
register(Rule("TR202", "correction-reverified", "registry",
              "With --base: a corrected cell's verified date is newer than the base's."))

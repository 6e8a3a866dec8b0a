"""TR201, TR202, TR203: corrections against a base revision (`trustreg check --base REV`)."""

from .base import Rule, register

register(Rule("TR201", "correction-has-fresh-source", "registry",
              "With --base: a corrected cell (grade, caveat, evidence, facts, tier, route, default) "
              "cites a primary source that is new or re-retrieved since the base."))
register(Rule("TR203", "primary-basis-changed", "registry",
              "With --base: independent parties in schema/vocabulary.yaml or organisation domains "
              "changed since the base; they decide which sources count as primary.",
              severity="warning"))
register(Rule("TR202", "correction-reverified", "registry",
              "With --base: a corrected cell's verified date is newer than the base's."))

"""TR200-TR206: corrections against a base revision (`trustreg check --base REV`)."""

from .base import Rule, register

register(Rule("TR200", "base-loads", "registry",
              "With --base: an offering file loads at the base, so its corrections can be checked."))
register(Rule("TR201", "correction-has-fresh-source", "registry",
              "With --base: a corrected cell (grade, caveat, evidence, facts, tier, route, default) "
              "cites a primary source that is new or re-retrieved since the base; so does a variant "
              "added or changed (scope, applies_to, grade, caveat, evidence), among its own sources, "
              "and the cell of a variant removed. A page the cell cited at the base, in its headline "
              "or a variant, is not new; nor is another spelling of it (urls.page_key)."))
register(Rule("TR202", "correction-reverified", "registry",
              "With --base: a corrected cell's verified date (or, for a draft, its draft date) is "
              "newer than the base's verified or draft date."))
register(Rule("TR203", "organisation-domain-added", "registry",
              "With --base: a domain added to an organisation is shown to a reviewer (sources on "
              "it count as primary).", severity="warning", kinds=("organisation",)))
register(Rule("TR204", "independent-parties-changed", "registry",
              "With --base: evidence rules in schema/vocabulary.yaml changed since the base are shown "
              "to a reviewer: independent parties (authorities, certificate registries and their "
              "remit), which source kinds are primary, each grade's evidence, forbids_routes and "
              "positive, and lead_pages and primary_pages where present.",
              severity="warning"))
register(Rule("TR205", "correction-reads-excerpt", "registry",
              "With --base: a corrected cell's source read again (later retrieved, another copy) "
              "comes with its page's excerpt as read: new, or with other passages, sha256 or copy "
              "than at the base; a new date alone is not a new reading."))
register(Rule("TR206", "route-via-changed", "registry",
              "With --base: a cell's route_via (where the gate is passed) changed since the base is "
              "shown to a reviewer.", severity="warning"))

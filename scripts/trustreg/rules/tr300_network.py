"""TR301, TR302: what only the opt-in network commands can see (`check --quotes`, `watch`)."""

from .base import Rule, register

register(Rule("TR301", "quote-on-page", "offering",
              "With --quotes: a source's quote appears on its page, fetched over the network "
              "(whitespace, typographic quotes and [...] elisions allowed for)."))
register(Rule("TR302", "fingerprint-store", "registry",
              "watch/fingerprints.txt holds one `SHA256 YYYY-MM-DD URL` line per URL "
              "(written by `trustreg watch --record`)."))

"""Names and patterns shared by the registry's JSON Schemas."""

from __future__ import annotations

SCHEMA_DIR = "schema"
ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
# a year from 1990 on (nothing older is evidence of today's practice; year 0 is no date at all)
DATE_PATTERN = "^(?:199[0-9]|[2-9][0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
LINE_PATTERN = "^[^\\S\\n]*\\S[^\\n]*$"  # one line, not only blanks
TEXT_PATTERN = "\\S"  # required text is more than white space


def schema_id(name: str) -> str:
    """The `$id` of a published schema: a URN, so no host is claimed for it."""
    return f"urn:ai-trust-registry:schema:{name.removesuffix('.schema.json')}"

"""TR114: the published offering schema is the one the vocabulary generates."""

from collections.abc import Iterator

from ..findings import Finding
from ..loader import Document
from ..schemas import OFFERING_SCHEMA, SCHEMA_DIR, generated_schema_text
from .base import Context, rule


@rule("TR114", "generated-schema-current", "registry",
      "schema/offering.schema.json is up to date with schema/vocabulary.yaml.")
def check(docs: list[Document], ctx: Context) -> Iterator[Finding]:
    target = ctx.root / SCHEMA_DIR / OFFERING_SCHEMA
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if current != generated_schema_text(ctx.vocab):
        yield Finding(f"{SCHEMA_DIR}/{OFFERING_SCHEMA}", 1, 1, "TR114",
                      "generated schema is missing or out of date with schema/vocabulary.yaml",
                      "run `trustreg schema`")

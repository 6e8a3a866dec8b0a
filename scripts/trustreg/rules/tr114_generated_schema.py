"""TR114: the generated schemas (offering, excerpt, data.json, api/v1) are current."""

from collections.abc import Iterator

from ..findings import Finding
from ..jsonschemas.generated import generated_texts
from ..loader import Document
from .base import Context, rule


@rule("TR114", "generated-schema-current", "registry",
      "The schemas generated from schema/vocabulary.yaml are up to date with it.")
def check(docs: list[Document], ctx: Context) -> Iterator[Finding]:
    for rel, text in generated_texts(ctx.vocab).items():
        target = ctx.root / rel
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            yield Finding(rel, 1, 1, "TR114",
                          "generated schema is missing or out of date with schema/vocabulary.yaml",
                          "run `trustreg schema`")

"""Every schema file generated from the vocabulary or made in code: `trustreg schema` writes them,
TR114 keeps them current."""

from __future__ import annotations

from ..vocabulary import Vocabulary
from .common import SCHEMA_DIR
from .data_files import EXCERPT_SCHEMA, OFFERING_SCHEMA, excerpt_schema_text, generated_schema_text
from .published import schema_texts


def shipped_path(name: str) -> str:
    return f"{SCHEMA_DIR}/{name}"


def generated_texts(vocab: Vocabulary) -> dict[str, str]:
    """Every generated schema file (path from the root -> text): the offering's and the published
    outputs' from the vocabulary, the excerpt's from code."""
    return {f"{SCHEMA_DIR}/{OFFERING_SCHEMA}": generated_schema_text(vocab),
            **{shipped_path(name): text for name, text in schema_texts(vocab).items()},
            f"{SCHEMA_DIR}/{EXCERPT_SCHEMA}": excerpt_schema_text()}

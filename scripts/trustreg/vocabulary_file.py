"""Reading schema/vocabulary.yaml: checked against its schema, then read into a Vocabulary."""

from __future__ import annotations

from pathlib import Path

from . import loader
from .findings import FindingError
from .jsonschemas.validation import SchemaSet
from .vocabulary import Vocabulary, from_data


def load_vocabulary(root: Path) -> Vocabulary:
    """Read schema/vocabulary.yaml of a registry checkout; FindingError when it is not usable."""
    doc = loader.load(root / "schema" / "vocabulary.yaml", "schema/vocabulary.yaml")
    problems = SchemaSet(root, None).findings(doc, "vocabulary")  # and TR117: what the code reads
    if problems:
        raise FindingError(problems[0])
    return from_data(doc.data)

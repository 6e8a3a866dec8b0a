"""Run the loader, the schemas and the lint rules over a registry checkout: the context (context),
each file alone (files), across files (registry, comparable), the result cache (cached), and what
a run selects (selection)."""

from .comparable import COMPARED_BY, comparable, sound_cells
from .context import vocabulary_findings
from .run import Checker, Result
from .selection import TODAY_ENV, selected, today, within

__all__ = ["COMPARED_BY", "TODAY_ENV", "Checker", "Result", "comparable", "selected", "sound_cells",
           "today", "vocabulary_findings", "within"]

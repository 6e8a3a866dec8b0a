"""Validate outputs against their schemas before they are written: jsonschema-rs decides, and
python-jsonschema (slow to import and to run) only explains a failure, as `check` does."""

from __future__ import annotations

from typing import Any

import jsonschema_rs

from .validation import explaining_validator


class OutputInvalid(ValueError):
    """A built output does not match its published schema (a bug in the build, not in the data)."""


class OutputSchema:
    """One schema, compiled once, checking any number of outputs."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.fast = jsonschema_rs.validator_for(schema, validate_formats=True, offline=True)

    def check(self, data: Any, name: str) -> None:
        """Raise OutputInvalid naming the first failing place when data does not match."""
        if self.fast.is_valid(data):
            return
        import jsonschema

        validator = explaining_validator(self.schema)  # never fetches, linear-time patterns
        error = jsonschema.exceptions.best_match(validator.iter_errors(data))
        if error is None:  # python-jsonschema accepts it: give jsonschema-rs's reason
            first = next(iter(self.fast.iter_errors(data)))
            where, message = list(first.instance_path), first.message
        else:
            where, message = list(error.absolute_path), error.message
        raise OutputInvalid(f"{name} does not match its schema at "
                            f"/{'/'.join(map(str, where))}: {message}")

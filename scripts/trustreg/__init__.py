"""trustreg: validation, changelog and publishing tooling for the AI trust registry."""

__version__ = "0.1.0"

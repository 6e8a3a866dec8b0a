"""Sessions for contributors and CI. `nox` runs the default ones; see README.md."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = False
nox.options.sessions = ["lint", "tests", "check", "changelog", "site"]


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (no network)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def check(session: nox.Session) -> None:
    """Validate the registry's own data: schemas, lint rules, canonical form."""
    session.install("-e", ".")
    session.run("trustreg", "check")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff on the Python, and every pre-commit hook on every file."""
    session.install("-e", ".[lint]")
    session.run("ruff", "check", ".")
    session.run("pre-commit", "run", "--all-files", "--show-diff-on-failure")


@nox.session
def build(session: nox.Session) -> None:
    """Check, then build dist/ (data.json, CSV, datapackage, site)."""
    session.install("-e", ".")
    session.run("trustreg", "build")


@nox.session(default=False)
def links(session: nox.Session) -> None:
    """Opt-in: check every source URL over the network (the only session that needs it)."""
    session.install("-e", ".")
    session.run("trustreg", "links", *session.posargs)

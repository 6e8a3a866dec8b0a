"""HTML building blocks of the site: escaping, safe links, grade badges and the page shell."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from urllib.parse import urlencode, urlsplit

from ..model import Cell, Offering, Registry, Source
from ..rules.tr107_safe_urls import url_problem
from ..textviews import DRAFT_NOTE
from .stamps import Stamps

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
       "{script}")
EXCERPT = 280  # characters of evidence shown on question and compare pages
CORRECTION_SECTION = ("CONTRIBUTING.md", "Correct a cell", "correct-a-cell")  # file, heading, anchor
CONTRIBUTING_AT = {  # where a repository host shows a file of the default branch
    "github.com": "{repository}/blob/HEAD/{file}#{anchor}",
    "gitlab.com": "{repository}/-/blob/HEAD/{file}#{anchor}",
}


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


def draft_badge(cell: Cell) -> str:
    """"Draft" and what it means, beside the grade of a cell not yet verified live; else nothing."""
    if not cell.is_draft:
        return ""
    return f' <span class="draft">Draft<span class="dn">: {e(DRAFT_NOTE)}</span></span>'


def checked(cell: Cell) -> str:
    """`verified <time>` or, for a draft, who graded it from copies and when."""
    if cell.draft is None:
        return f'verified <time datetime="{e(cell.verified)}">{e(cell.verified)}</time>'
    return (f'draft graded <time datetime="{e(cell.draft.date)}">{e(cell.draft.date)}</time> '
            f"by {e(cell.draft.by)}, not yet verified live")


def pairs(items: list[tuple[str, str]]) -> str:
    """`Label: value · Label: value`, no separator after the last."""
    return " · ".join(f'<span class="k">{e(k)}:</span> {e(v)}' for k, v in items)


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
    if source.copy:
        parts.append(read_in_copy(source))
    if source.archived:
        parts.append(link(source.archived, f"archived copy of {source.title}"))
    html = " · ".join(parts)
    if source.quote:
        html += f"<blockquote>{e(source.quote)}</blockquote>"
    return f"<li>{html}</li>"


def read_in_copy(source: Source) -> str:
    """How a source read in a copy was read: who holds the copy, when captured, its link."""
    copy = source.copy
    assert copy is not None
    captured = (f', captured <time datetime="{e(copy.captured)}">{e(copy.captured)}</time>'
                if copy.captured else ", capture date not known")
    where = f" ({link(copy.url, 'the copy')})" if copy.url else ""
    return f'<span class="copyread">read in a copy held by {e(copy.held_by)}{captured}{where}</span>'


def correction(registry: Registry, offering: Offering | None = None,
               dimension: str | None = None) -> str:
    """Where to correct this page: the correction form prefilled with the offering and dimension,
    else the repository's correction section, else how in words. Never a link to nowhere."""
    meta = registry.meta
    dim = registry.vocabulary.dimensions.get(dimension or "")
    named = ([f"offering {offering.name} ({offering.id})"] if offering else []) + (
        [f"question {dim.label} ({dim.id})"] if dim else [])
    what = " and ".join(named)
    if meta.correction_form and not _url_problem(meta.correction_form):
        query = urlencode({k: v for k, v in (("offering", offering and offering.id),
                                             ("dimension", dimension)) if v})
        glue = "&" if urlsplit(meta.correction_form).query else "?"
        url = meta.correction_form + (glue + query if query else "")
        text = f"Suggest a correction to {what}" if what else "Suggest a correction"
        return f'<p class="correct">{link(url, text)}</p>'
    file, heading, anchor = CORRECTION_SECTION
    naming = f", naming {e(what)}" if what else ""
    if meta.repository and not _url_problem(meta.repository):
        repository = meta.repository.rstrip("/")
        pattern = CONTRIBUTING_AT.get(urlsplit(repository).hostname or "")
        if pattern:
            target = link(pattern.format(repository=repository, file=file, anchor=anchor),
                          f"how to suggest a correction ({file}, {heading})")
            return f'<p class="correct">Spotted an error? See {target}{naming}.</p>'
        return (f'<p class="correct">Spotted an error? {file}, section “{e(heading)}”, in '
                f"{link(repository, 'the source repository')} says how to correct it{naming}.</p>")
    return (f'<p class="correct">Spotted an error? Send the registry\'s maintainers a primary '
            f"source that shows it{naming}; {file}, section “{e(heading)}”, of the registry's "
            "repository says how.</p>")


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
    return " · ".join(items)


HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
"""


def page(registry: Registry, title: str, body: str, depth: int, extra_css: str = "",
         script: str = "", fix: str = "") -> str:
    """The page shell; `script` is one same-origin script file, `fix` the page's correction
    paragraph (the registry-wide one when not given)."""
    up = "../" * depth
    meta = registry.meta
    css = f'\n<link rel="stylesheet" href="{up}{extra_css}">' if extra_css else ""
    js = f'\n<script src="{up}{script}" defer></script>' if script else ""
    csp = CSP.format(script="; script-src 'self'" if script else "")
    return f"""{HEAD}<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{e(title)} · {e(meta.name)}</title>
<link rel="stylesheet" href="{up}style.css">{css}
<link rel="icon" href="{up}favicon.svg" type="image/svg+xml">{js}
<link rel="alternate" type="application/atom+xml" title="Additions and corrections" href="{up}../changes.atom">
</head>
<body>
<header class="site"><a class="home" href="{up}index.html">{e(meta.name)}</a>
<nav aria-label="Site"><a href="{up}index.html">Matrix</a> <a href="{up}questions/index.html">Questions</a>
<a href="{up}compare/index.html">Compare</a></nav></header>
<main>
{body}
</main>
<footer>{fix or correction(registry)}
<p>{e(meta.disclaimer)} {e(meta.corrections)}</p>
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
<nav aria-label="Data and feeds"><p>{outputs(registry, "")}</p></nav>
{correction(registry)}</main>
</body>
</html>
"""

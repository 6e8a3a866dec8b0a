"""The static site: offering, question, compare and index pages. No script; all text escaped."""

from __future__ import annotations

from html import escape
from itertools import combinations
from pathlib import Path

from ..model import Cell, Offering, Registry
from ..rules.tr107_safe_urls import url_problem
from .text import NO_SOURCE, WATCH_OUT_SENTENCE, attribute_line, facts_line

NO_EVIDENCE_NOTE = ("“No public evidence” means we could not verify it from public sources, "
                    "not that the answer is no.")
CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"


def e(text: object) -> str:
    """Escape any data for HTML text or a quoted attribute."""
    return escape(str(text), quote=True)


def page(registry: Registry, title: str, body: str, depth: int) -> str:
    up = "../" * depth
    meta = registry.meta
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{e(title)} · {e(meta.name)}</title>
<link rel="stylesheet" href="{up}style.css">
<link rel="icon" href="{up}favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="site"><a href="{up}index.html">{e(meta.name)}</a>
<nav><a href="{up}index.html">Matrix</a> <a href="{up}questions/index.html">Questions</a>
<a href="{up}compare/index.html">Compare</a></nav></header>
<main>
{body}
</main>
<footer><p>{e(meta.disclaimer)} {e(meta.corrections)}</p>
<p>Data licensed {link(meta.license_url, meta.license)}.</p></footer>
</body>
</html>
"""


def grade_badge(registry: Registry, status: str) -> str:
    grade = registry.vocabulary.grades[status]
    return (f'<span class="grade g-{e(status)}"><span aria-hidden="true">{e(grade.glyph)}</span> '
            f"{e(grade.label)}</span>")


def link(url: str, text: str, title: str = "") -> str:
    """A link to a safe https URL; any other URL is withheld, with the reason."""
    problem = url_problem(url)
    if problem:
        return f'{e(text)} (link withheld: the URL {e(problem)})'
    titled = f' title="{e(title)}"' if title else ""
    return f'<a href="{e(url)}"{titled}>{e(text)}</a>'


def source_links(cell: Cell) -> str:
    links = []
    for source in cell.primary_sources:  # a URL the check refuses is shown, never linked
        links.append(link(source.url, "source", source.title))
        if source.archived:
            links.append(link(source.archived, "archived copy"))
    if not links:
        links.append(f'<span class="nosource">{NO_SOURCE}</span>')
    leads = [s for s in cell.sources if not s.is_primary]
    html = f'<p class="sources">{" · ".join(links)}</p>'
    html += "".join(f'<blockquote>{e(s.quote)}</blockquote>'
                    for s in cell.primary_sources if s.quote)
    if leads:
        items = "".join(f"<li>{e(s.title)}" + (f" ({e(s.url)})" if s.url else "") + "</li>"
                        for s in leads)
        html += f'<div class="leads">Used as lead only, not cited:<ul>{items}</ul></div>'
    return html


def cell_section(registry: Registry, cell: Cell) -> str:
    dim = cell.dimension
    parts = [
        f'<section class="cell" id="{e(dim.id)}">',
        f"<h3>{e(dim.label)} {grade_badge(registry, cell.status)}</h3>",
        f'<p class="question">{e(dim.question)}</p>',
        f'<p class="meta">confidence {e(cell.confidence)} · verified '
        f'<time datetime="{e(cell.verified)}">{e(cell.verified)}</time></p>',
    ]
    if cell.caveat:
        parts.append(f'<p class="caveat"><strong>Watch-out:</strong> {e(cell.caveat)}</p>')
    parts.append(f'<p class="evidence">{e(cell.evidence)}</p>')
    parts += [f'<p class="{cls}">{e(line)}</p>' for cls, line in
              (("attrs", attribute_line(cell)), ("facts", facts_line(cell))) if line]
    parts.append(source_links(cell))
    if cell.reviews:
        items = "".join(f"<li>{e(r.line)}</li>" for r in cell.reviews)
        parts.append(f'<div class="reviews">Reviews:<ul>{items}</ul></div>')
    parts.append("</section>")
    return "\n".join(parts)


def offering_page(registry: Registry, offering: Offering) -> str:
    watch = "".join(
        f"<li>{e(c.dimension.label)}: {grade_badge(registry, c.status)} {e(c.caveat or '')}</li>"
        for c in offering.watch_outs)
    groups = []
    for group in registry.vocabulary.groups.values():
        cells = [offering.cells[d.id] for d in registry.vocabulary.dimensions_in(group.id)
                 if d.id in offering.cells]
        groups.append(f"<h2>{e(group.label)}</h2>\n" +
                      "\n".join(cell_section(registry, c) for c in cells))
    body = f"""<p class="banner">evidence verified as of <time datetime="{e(offering.verified)}">{e(offering.verified)}</time></p>
<nav class="crumbs"><a href="../index.html">Registry</a> / {e(offering.name)}</nav>
<h1>{e(offering.name)}</h1>
<p class="who">Developer: {e(offering.developer.name)} · Platform: {e(offering.platform.name)} · Model family: {e(offering.model_family)}</p>
<p class="summary">{e(offering.summary)}</p>
<section class="watchouts"><h2>Watch-outs {len(offering.watch_outs)}</h2>
<p>{e(WATCH_OUT_SENTENCE)}</p>
<ul>{watch}</ul></section>
{"".join(groups)}"""
    return page(registry, offering.name, body, 1)


def question_page(registry: Registry, dim_id: str) -> str:
    dim = registry.vocabulary.dimensions[dim_id]
    rows = []
    for offering in registry.offerings.values():
        cell = offering.cells.get(dim_id)
        if cell is None:
            continue
        rows.append(f'<tr><th scope="row"><a href="../offerings/{e(offering.id)}.html#{e(dim_id)}">'
                    f"{e(offering.name)}</a></th><td>{grade_badge(registry, cell.status)}</td>"
                    f"<td>{e(cell.caveat or '')}</td><td>{e(cell.confidence)}</td>"
                    f"<td>{e(cell.verified)}</td></tr>")
    body = f"""<nav class="crumbs"><a href="../index.html">Registry</a> / <a href="index.html">Questions</a> / {e(dim.label)}</nav>
<h1>{e(dim.label)}</h1>
<p class="question">{e(dim.question)} Grades the {e(dim.graded_party)}.</p>
<p class="note">{e(NO_EVIDENCE_NOTE)}</p>
<table><thead><tr><th>Offering</th><th>Grade</th><th>Caveat</th><th>Confidence</th><th>Verified</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>"""
    return page(registry, dim.label, body, 1)


def questions_index(registry: Registry) -> str:
    items = "".join(f'<li><a href="{e(d.id)}.html">{e(d.label)}</a>: {e(d.question)}</li>'
                    for d in registry.vocabulary.dimensions.values())
    body = f"<h1>Questions</h1>\n<p class=\"note\">{e(NO_EVIDENCE_NOTE)}</p>\n<ul>{items}</ul>"
    return page(registry, "Questions", body, 1)


def compare_pairs(registry: Registry) -> list[tuple[Offering, Offering]]:
    """Pairs of offerings that share a developer or a platform."""
    return [(a, b) for a, b in combinations(registry.offerings.values(), 2)
            if a.developer.id == b.developer.id or a.platform.id == b.platform.id]


def compare_name(a: Offering, b: Offering) -> str:
    return f"{a.id}--{b.id}.html"


def compare_page(registry: Registry, a: Offering, b: Offering) -> str:
    rows = []
    for dim in registry.vocabulary.dimensions.values():
        ca, cb = a.cells.get(dim.id), b.cells.get(dim.id)
        differs = (ca and ca.status) != (cb and cb.status)
        mark = '<td class="diff">differs</td>' if differs else "<td></td>"
        cols = "".join(f"<td>{grade_badge(registry, c.status)} {e(c.caveat or '')}</td>" if c
                       else "<td>—</td>" for c in (ca, cb))
        rows.append(f'<tr{" class=differs" if differs else ""}><th scope="row">'
                    f"{e(dim.label)}</th>{cols}{mark}</tr>")
    body = f"""<nav class="crumbs"><a href="../index.html">Registry</a> / <a href="index.html">Compare</a></nav>
<h1>{e(a.name)} and {e(b.name)}</h1>
<table><thead><tr><th>Question</th><th><a href="../offerings/{e(a.id)}.html">{e(a.name)}</a></th>
<th><a href="../offerings/{e(b.id)}.html">{e(b.name)}</a></th><th></th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>"""
    return page(registry, f"{a.name} and {b.name}", body, 1)


def compare_index(registry: Registry) -> str:
    pairs = compare_pairs(registry)
    items = "".join(f'<li><a href="{e(compare_name(a, b))}">{e(a.name)} and {e(b.name)}</a></li>'
                    for a, b in pairs)
    empty = "<p>No two offerings share a developer or a platform yet.</p>"
    body = ("<h1>Compare</h1>\n<p>Offerings that share a developer or a platform.</p>\n"
            + (f"<ul>{items}</ul>" if pairs else empty))
    return page(registry, "Compare", body, 1)


def legend(registry: Registry) -> str:
    items = "".join(f"<li>{grade_badge(registry, g.id)}: {e(g.meaning)}</li>"
                    for g in registry.vocabulary.grades.values())
    return f'<section class="legend"><h2>Legend</h2><ul>{items}</ul></section>'


def index_page(registry: Registry, by_watch_outs: bool) -> str:
    offerings = sorted(registry.offerings.values(),
                       key=(lambda o: (len(o.watch_outs), o.name)) if by_watch_outs
                       else (lambda o: (o.name.lower(), o.id)))
    dims = list(registry.vocabulary.dimensions.values())
    head = "".join(f'<th scope="col"><a href="questions/{e(d.id)}.html">{e(d.label)}</a></th>'
                   for d in dims)
    rows = []
    for o in offerings:
        cells = "".join(
            f'<td class="g-{e(o.cells[d.id].status)}">'
            f'<a href="offerings/{e(o.id)}.html#{e(d.id)}" title="{e(registry.vocabulary.grade_label(o.cells[d.id].status))}">'
            f'{e(registry.vocabulary.grades[o.cells[d.id].status].glyph)}</a></td>'
            if d.id in o.cells else "<td>—</td>" for d in dims)
        rows.append(f'<tr><th scope="row"><a href="offerings/{e(o.id)}.html">{e(o.name)}</a></th>'
                    f"<td>{len(o.watch_outs)}</td>{cells}</tr>")
    sort = ('<a href="index.html">by name</a> · <strong>by watch-outs</strong>' if by_watch_outs
            else '<strong>by name</strong> · <a href="by-watch-outs.html">by watch-outs</a>')
    body = f"""<h1>{e(registry.meta.name)}</h1>
<p class="banner">evidence verified as of <time datetime="{e(registry.verified)}">{e(registry.verified)}</time> · {e(registry.meta.disclaimer)}</p>
<p class="sort">Sort: {sort}</p>
<div class="scroll"><table class="matrix"><thead><tr><th scope="col">Offering</th><th scope="col">Watch-outs</th>{head}</tr></thead>
<tbody>{"".join(rows)}</tbody></table></div>
{legend(registry)}"""
    return page(registry, "Matrix", body, 0)


STYLE = """body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}
header.site{display:flex;gap:2em;align-items:baseline;padding:.8em 1.5em;background:#14325c}
header.site a{color:#fff;font-weight:600;margin-right:1em}
main{max-width:72em;margin:0 auto;padding:1em 1.5em}
footer{max-width:72em;margin:2em auto;padding:1em 1.5em;border-top:1px solid #ccd;color:#555;font-size:.9em}
.banner{background:#eef3fb;border-left:4px solid #14325c;padding:.4em .8em}
.crumbs{font-size:.9em;color:#555}
.summary{font-size:1.05em}
.watchouts{border:2px solid #c96b00;border-radius:6px;padding:.5em 1em;background:#fff8ef}
.cell{border-top:1px solid #dde;padding:.6em 0}
.cell h3{margin:.2em 0}
.question,.meta,.note{color:#444}
.caveat{background:#fff3e0;padding:.2em .5em}
.attrs,.facts{font-family:ui-monospace,monospace;font-size:.9em;margin:.2em 0}
.leads{font-size:.9em;color:#555}
blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #ccd;color:#333}
.grade{white-space:nowrap;border-radius:4px;padding:0 .4em;font-weight:600;font-size:.9em}
.g-yes_public{background:#d9f2dc;color:#145a1e}
.g-yes_sales_gated{background:#e3ecfb;color:#173d7a}
.g-yes_platform_only{background:#ece3fb;color:#48207a}
.g-partial{background:#fff0c2;color:#6b4a00}
.g-unclear{background:#eceff1;color:#37474f}
.g-no_public_evidence{background:#fde2e1;color:#8a1c17}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #dde;padding:.3em .5em;text-align:left;vertical-align:top}
.matrix td{text-align:center;font-size:1.2em}
.matrix td a{text-decoration:none;color:inherit;display:block}
.scroll{overflow-x:auto}
tr.differs{background:#fffbe6}
.diff{font-weight:600;color:#8a1c17}
.legend ul{list-style:none;padding:0}
"""


FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
           '<circle cx="8" cy="8" r="7" fill="#14325c"/></svg>\n')


def write_site(registry: Registry, out: Path) -> None:
    """Write every page under out (the site folder)."""
    files: dict[str, str] = {
        "style.css": STYLE,
        "favicon.svg": FAVICON,
        "index.html": index_page(registry, by_watch_outs=False),
        "by-watch-outs.html": index_page(registry, by_watch_outs=True),
        "questions/index.html": questions_index(registry),
        "compare/index.html": compare_index(registry),
    }
    for offering in registry.offerings.values():
        files[f"offerings/{offering.id}.html"] = offering_page(registry, offering)
    for dim_id in registry.vocabulary.dimensions:
        files[f"questions/{dim_id}.html"] = question_page(registry, dim_id)
    for a, b in compare_pairs(registry):
        files[f"compare/{compare_name(a, b)}"] = compare_page(registry, a, b)
    for name, text in sorted(files.items()):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

"""The static site: offering, question and index pages, and the compare page. All text escaped;
the one script (compare.js) only reads the compare page's address into its selects. Grades, labels and glyphs come from the vocabulary, so a new grade needs no code."""

from __future__ import annotations

from pathlib import Path

from ..model import Cell, Offering, Registry, Variant
from ..textviews import DRAFT_NOTE
from .compare import COMPARE_CSS, COMPARE_JS, compare_css, compare_js, compare_page
from .html import (
    checked,
    correction,
    draft_badge,
    e,
    excerpt,
    grade_badge,
    graded,
    page,
    pairs,
    source_item,
    stale_note,
    who,
)
from .labels import attribute_pairs, fact_pairs, identity_pairs, variant_scope
from .stamps import Stamps
from .style import FAVICON, STYLE
from .text import NO_SOURCE, WATCH_OUT_SENTENCE

NO_EVIDENCE_NOTE = ("“No public evidence” means we could not verify it from public sources, "
                    "not that the answer is no.")


def sources_block(cell: Cell | Variant) -> str:
    """Primary sources, then leads visibly below them."""
    primaries = [s for s in cell.sources if s.is_primary]
    leads = [s for s in cell.sources if not s.is_primary]
    html = ('<div class="sources"><p class="label">Sources</p><ul>'
            + "".join(source_item(s) for s in primaries) + "</ul></div>" if primaries
            else f'<p class="sources nosource">{NO_SOURCE}</p>')
    if leads:
        html += ('<div class="leads"><p class="label">Leads (used as lead only, not cited)</p><ul>'
                 + "".join(source_item(s) for s in leads) + "</ul></div>")
    return html


def details(registry: Registry, cell: Cell) -> str:
    """The cell's attributes and facts, labelled, one paragraph each where there are any."""
    return "".join(f'<p class="{cls}">{pairs(items)}</p>' for cls, items in
                   (("attrs", attribute_pairs(cell, registry.vocabulary)), ("facts", fact_pairs(cell)))
                   if items)


def variant_head(registry: Registry, variant: Variant) -> str:
    caveat = f" {e(variant.caveat)}" if variant.caveat else ""
    return (f"<strong>Variant</strong> ({e(variant_scope(variant))}): "
            f"{grade_badge(registry, variant.status)}{caveat}")


def variants_block(registry: Registry, cell: Cell) -> str:
    """Where the answer differs by plan, endpoint, model or region: grade, caveat, evidence, sources."""
    return "".join(f'<div class="variant"><p>{variant_head(registry, v)}</p>'
                   + (f'<p class="evidence">{e(v.evidence)}</p>' if v.evidence else "")
                   + f"{sources_block(v)}</div>" for v in cell.variants)


def reviews_block(cell: Cell) -> str:
    if not cell.reviews:
        return ""
    items = "".join(f"<li>{e(r.line)}</li>" for r in cell.reviews)
    return f'<div class="reviews"><p class="label">Reviews</p><ul>{items}</ul></div>'


def cell_section(registry: Registry, offering: Offering, cell: Cell, stamps: Stamps) -> str:
    dim = cell.dimension
    parts = [
        f'<section class="cell" id="{e(dim.id)}" aria-labelledby="h-{e(dim.id)}">',
        f'<h3 id="h-{e(dim.id)}">{e(dim.label)}: {grade_badge(registry, cell.status)}{draft_badge(cell)}</h3>',
        f'<p class="question">{e(dim.question)} <span class="party">({e(graded(offering, cell))})</span></p>',
        f'<p class="meta">confidence {e(cell.confidence)} · {checked(cell)}{stale_note(stamps, cell)}</p>',
    ]
    if cell.caveat:
        parts.append(f'<p class="caveat"><strong>Watch-out:</strong> {e(cell.caveat)}</p>')
    parts.append(f'<p class="evidence">{e(cell.evidence)}</p>')
    parts += [details(registry, cell), sources_block(cell), variants_block(registry, cell),
              reviews_block(cell), correction(registry, offering, dim.id), "</section>"]
    return "\n".join(p for p in parts if p)


def verified_banner(offering: Offering) -> str:
    """The date the offering's verified cells are verified as of, drafts left out and said so."""
    drafts = len(offering.drafts)
    if offering.verified is None:
        return (f"every cell is a draft ({e(DRAFT_NOTE)}): no cell is verified live yet")
    left_out = (f"; {drafts} draft cell{'s' if drafts != 1 else ''} not counted ({e(DRAFT_NOTE)})"
                if drafts else "")
    return (f'evidence verified as of <time datetime="{e(offering.verified)}">{e(offering.verified)}'
            f"</time> (its oldest verified cell{left_out})")


def offering_page(registry: Registry, offering: Offering, stamps: Stamps) -> str:
    watch = "".join(
        f'<li><a href="#{e(c.dimension.id)}">{e(c.dimension.label)}</a>: '
        f"{grade_badge(registry, c.status)}{draft_badge(c)}" + (f" {e(c.caveat)}" if c.caveat else "")
        + "".join(f"<br>{variant_head(registry, v)}" for v in c.worse_variants) + "</li>"
        for c in offering.watch_outs)
    aliases = (f'<p class="aliases">Also known as: {e(", ".join(offering.aliases))}</p>\n'
               if offering.aliases else "")
    stale = [c for c in offering.cells.values() if stamps.is_stale(c)]
    stale_line = (f'<p class="stale">{len(stale)} of {len(offering.cells)} cells are stale '
                  f"(verified more than {stamps.stale_after_days} days before {e(stamps.generated)}).</p>"
                  if stale else "")
    groups = []
    for group in registry.vocabulary.groups.values():
        cells = [offering.cells[d.id] for d in registry.vocabulary.dimensions_in(group.id)
                 if d.id in offering.cells]
        if cells:
            groups.append(f"<h2>{e(group.label)}</h2>\n" +
                          "\n".join(cell_section(registry, offering, c, stamps) for c in cells))
    body = f"""<p class="banner">{verified_banner(offering)} · built <time datetime="{e(stamps.generated)}">{e(stamps.generated)}</time></p>
<nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">Registry</a> / {e(offering.name)}</nav>
<h1>{e(offering.name)}</h1>
{aliases}<p class="who">{e(who(offering))}</p>
<p class="identity">{pairs(identity_pairs(offering))}</p>
<p class="summary">{e(offering.summary)}</p>
{stale_line}<section class="watchouts" aria-labelledby="watch"><h2 id="watch">Watch-outs {len(offering.watch_outs)}</h2>
<p>{e(WATCH_OUT_SENTENCE)}</p>
<ul>{watch}</ul></section>
<p><a href="../compare/index.html">Compare {e(offering.name)} with another offering</a> · <a href="../../api/v1/offerings/{e(offering.id)}.json">{e(offering.name)} as JSON</a></p>
{"".join(groups)}"""
    return page(registry, offering.name, body, 1, fix=correction(registry, offering))


def question_entry(registry: Registry, offering: Offering, cell: Cell, stamps: Stamps) -> str:
    dim = cell.dimension
    primaries = [s for s in cell.sources if s.is_primary]
    sources = ("<ul class=\"sources\">" + "".join(source_item(s) for s in primaries) + "</ul>"
               if primaries else f'<p class="nosource">{NO_SOURCE}</p>')
    return f"""<article class="answer" aria-labelledby="q-{e(offering.id)}">
<h3 id="q-{e(offering.id)}"><a href="../offerings/{e(offering.id)}.html">{e(offering.name)}</a>: {grade_badge(registry, cell.status)}{draft_badge(cell)}</h3>
<p class="who">{e(who(offering))}</p>
<p class="meta">confidence {e(cell.confidence)} · {checked(cell)}{stale_note(stamps, cell)}</p>
{f'<p class="caveat"><strong>Watch-out:</strong> {e(cell.caveat)}</p>' if cell.caveat else ""}
<p class="evidence">{e(excerpt(cell.evidence))}</p>
{details(registry, cell)}{sources}{variants_block(registry, cell)}{reviews_block(cell)}
<p><a href="../offerings/{e(offering.id)}.html#{e(dim.id)}">Full {e(dim.label)} cell of {e(offering.name)}</a></p>
{correction(registry, offering, dim.id)}
</article>"""


def question_page(registry: Registry, dim_id: str, stamps: Stamps) -> str:
    """The question as headline; offerings grouped by the company the cell grades."""
    dim = registry.vocabulary.dimensions[dim_id]
    by_party: dict[str, list[Offering]] = {}
    for offering in registry.offerings.values():
        if dim_id in offering.cells:
            party = offering.graded_party(offering.cells[dim_id])
            by_party.setdefault(party.id, []).append(offering)
    sections = []
    for party_id in sorted(by_party, key=lambda p: registry.organisations[p].name.lower()):
        offerings = by_party[party_id]
        party = registry.organisations[party_id]
        grades = {o.cells[dim_id].status for o in offerings}
        shared = ("" if len(offerings) < 2 else
                  f'<p class="note">One grade for its {len(offerings)} offerings: this cell grades '
                  f"the {e(dim.graded_party)}, {e(party.name)}.</p>\n" if len(grades) == 1 else
                  f'<p class="note">Its {len(offerings)} offerings are graded differently here, '
                  f"though this cell grades the {e(dim.graded_party)}, {e(party.name)}: read each "
                  "one's evidence and variants.</p>\n")
        entries = "\n".join(question_entry(registry, o, o.cells[dim_id], stamps) for o in offerings)
        sections.append(f'<section aria-labelledby="p-{e(party_id)}"><h2 id="p-{e(party_id)}">'
                        f"{e(party.name)} ({e(dim.graded_party)})</h2>\n{shared}{entries}</section>")
    body = f"""<nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">Registry</a> / <a href="index.html">Questions</a> / {e(dim.label)}</nav>
<h1>{e(dim.question)}</h1>
<p class="lede">{e(dim.label)}: this cell grades the {e(dim.graded_party)} of each offering, so the offerings are grouped by it.</p>
<p class="note">{e(NO_EVIDENCE_NOTE)}</p>
{"".join(sections)}"""
    return page(registry, dim.label, body, 1, fix=correction(registry, dimension=dim_id))


def questions_index(registry: Registry) -> str:
    items = "".join(f'<li><a href="{e(d.id)}.html">{e(d.label)}</a>: {e(d.question)}</li>'
                    for d in registry.vocabulary.dimensions.values())
    body = f"<h1>Questions</h1>\n<p class=\"note\">{e(NO_EVIDENCE_NOTE)}</p>\n<ul>{items}</ul>"
    return page(registry, "Questions", body, 1)


def legend(registry: Registry) -> str:
    items = "".join(f"<li>{grade_badge(registry, g.id)}: {e(g.meaning)}</li>"
                    for g in registry.vocabulary.grades.values())
    items += f'<li><span class="draft">Draft</span>: {e(DRAFT_NOTE)}.</li>'
    return f'<section class="legend" aria-labelledby="legend"><h2 id="legend">Legend</h2><ul>{items}</ul></section>'


def matrix_cell(registry: Registry, offering: Offering, dim_id: str) -> str:
    cell = offering.cells.get(dim_id)
    if cell is None:
        return "<td>—</td>"
    dim = registry.vocabulary.dimensions[dim_id]
    grade = registry.vocabulary.grades[cell.status]
    draft = draft_badge(cell) + ('<span class="vm">worse for a variant</span>' if cell.worse_variants
                                 else "")
    return (f'<td class="g-{e(cell.status)}"><a href="offerings/{e(offering.id)}.html#{e(dim_id)}">'
            f'<span class="dl">{e(dim.label)}: </span><span aria-hidden="true">{e(grade.glyph)}</span> '
            f'<span class="gl">{e(grade.label)}</span><span class="sr"> ({e(offering.name)})</span>'
            f"{draft}</a></td>")


def index_page(registry: Registry, by_watch_outs: bool, stamps: Stamps) -> str:
    offerings = sorted(registry.offerings.values(),
                       key=(lambda o: (len(o.watch_outs), o.name)) if by_watch_outs
                       else (lambda o: (o.name.lower(), o.id)))
    dims = list(registry.vocabulary.dimensions.values())
    head = "".join(f'<th scope="col"><a href="questions/{e(d.id)}.html">{e(d.label)}</a></th>'
                   for d in dims)
    rows = []
    for o in offerings:
        cells = "".join(matrix_cell(registry, o, d.id) for d in dims)
        rows.append(f'<tr><th scope="row"><a href="offerings/{e(o.id)}.html">{e(o.name)}</a>'
                    f'<span class="who">{e(who(o))}</span></th>'
                    f'<td class="count"><span class="dl">Watch-outs: </span>{len(o.watch_outs)}</td>{cells}</tr>')
    sort = ('<a href="index.html">by name</a> · <strong>by watch-outs</strong>' if by_watch_outs
            else '<strong>by name</strong> · <a href="by-watch-outs.html">by watch-outs</a>')
    oldest = min((o.verified for o in registry.offerings.values() if o.verified), default=None)
    cells = sum(len(o.cells) for o in registry.offerings.values())
    drafts = sum(len(o.drafts) for o in registry.offerings.values())
    verified = (f'oldest evidence verified <time datetime="{e(oldest)}">{e(oldest)}</time>'
                if oldest else "no cell verified live yet")
    drafted = f" · {drafts} of {cells} cells are drafts ({e(DRAFT_NOTE)})" if drafts else ""
    body = f"""<h1>{e(registry.meta.name)}</h1>
<p class="banner">built <time datetime="{e(stamps.generated)}">{e(stamps.generated)}</time> · {verified}{drafted}; each offering's page gives its own date · {e(registry.meta.disclaimer)}</p>
<p class="sort">Sort: {sort}</p>
<div class="scroll" role="region" aria-label="Offerings by question" tabindex="0"><table class="matrix"><caption>Offerings (rows) by question (columns); each cell links to its evidence.</caption>
<thead><tr><th scope="col">Offering</th><th scope="col">Watch-outs</th>{head}</tr></thead>
<tbody>{"".join(rows)}</tbody></table></div>
{legend(registry)}"""
    return page(registry, "Matrix", body, 0)


def site_files(registry: Registry, stamps: Stamps) -> dict[str, str]:
    """Every file of the site by path: size is linear in the number of offerings."""
    files: dict[str, str] = {
        "style.css": STYLE,
        "favicon.svg": FAVICON,
        COMPARE_CSS: compare_css(registry),
        COMPARE_JS: compare_js(),
        "index.html": index_page(registry, False, stamps),
        "by-watch-outs.html": index_page(registry, True, stamps),
        "questions/index.html": questions_index(registry),
        "compare/index.html": compare_page(registry, stamps),
    }
    for offering in registry.offerings.values():
        files[f"offerings/{offering.id}.html"] = offering_page(registry, offering, stamps)
    for dim_id in registry.vocabulary.dimensions:
        files[f"questions/{dim_id}.html"] = question_page(registry, dim_id, stamps)
    return files


def write_site(registry: Registry, stamps: Stamps, out: Path) -> None:
    """Write every page under out (the site folder)."""
    for name, text in sorted(site_files(registry, stamps).items()):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

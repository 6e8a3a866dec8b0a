"""The compare page: any two offerings side by side, with no script and a size linear in offerings.

One page holds every offering's column once; two labelled <select>s choose which two show, through
CSS :has() rules (four per offering, in compare.css). One page per pair would grow with the square
of the offerings (1,000 offerings of one platform made half a million pages). Without :has()
support every column shows in turn, so nothing is hidden from any reader.

A comparison is shared by URL: `compare/index.html?a=ID&b=ID` (or `#ID,ID`). A small script
(compare.js) reads it into the two selects and writes the choice back into the address; without
script the page still compares, from the selects, and says that its address will not follow.
"""

from __future__ import annotations

from ..model import Cell, Offering, Registry
from .feed import newest_primary
from .html import (
    checked,
    correction,
    draft_badge,
    e,
    excerpt,
    grade_badge,
    graded,
    link,
    page,
    read_in_copy,
    stale_note,
    who,
)
from .labels import variant_scope
from .stamps import Stamps
from .text import NO_SOURCE

COMPARE_CSS = "compare/compare.css"
COMPARE_JS = "compare/compare.js"


def ordered(registry: Registry) -> list[Offering]:
    """First-party offerings first, then by name."""
    return sorted(registry.offerings.values(),
                  key=lambda o: (o.category != "first_party", o.name.lower(), o.id))


def defaults(offerings: list[Offering]) -> tuple[str, str]:
    """The pair shown first: a first-party offering and one that shares its developer, if any."""
    if not offerings:
        return "", ""
    first = offerings[0]
    rest = offerings[1:]
    second = next((o for o in rest if o.developer.id == first.developer.id), rest[0] if rest else first)
    return first.id, second.id


def compare_cell(registry: Registry, offering: Offering, cell: Cell | None, row: int,
                 label: str, stamps: Stamps) -> str:
    if cell is None:
        return f'<div class="cc r{row}"><span class="sr">{e(label)}: </span>—</div>'
    source = newest_primary(cell)
    cited = (f"{link(source.url or '', source.title)}"
             + (f" (retrieved {e(source.retrieved)})" if source.retrieved else "")
             + (f" ({read_in_copy(source)})" if source.copy else "")
             if source else NO_SOURCE)
    caveat = f'<p class="caveat">{e(cell.caveat)}</p>' if cell.caveat else ""
    variants = "".join(f'<p class="variant"><strong>Variant</strong> ({e(variant_scope(v))}): '
                       f"{grade_badge(registry, v.status)}</p>" for v in cell.variants)
    return (f'<div class="cc r{row}"><p><span class="sr">{e(label)}: </span>'
            f"{grade_badge(registry, cell.status)}{draft_badge(cell)}</p>{caveat}{variants}"
            f'<p class="party">{e(graded(offering, cell))} · {checked(cell)}</p>'
            f'<p class="evidence">{e(excerpt(cell.evidence, 200))}</p>'
            f'<p class="sources">Source: {cited}{stale_note(stamps, cell)}</p>'
            f'<p><a href="../offerings/{e(offering.id)}.html#{e(cell.dimension.id)}">'
            f"Full {e(label)} cell of {e(offering.name)}</a></p>"
            f"{correction(registry, offering, cell.dimension.id)}</div>")


def column(registry: Registry, offering: Offering, stamps: Stamps) -> str:
    dims = list(registry.vocabulary.dimensions.values())
    cells = "".join(compare_cell(registry, offering, offering.cells.get(d.id), i + 1, d.label, stamps)
                    for i, d in enumerate(dims))
    return (f'<section class="col" id="c-{e(offering.id)}" aria-label="{e(offering.name)}">'
            f'<h2 class="cc r0"><a href="../offerings/{e(offering.id)}.html">{e(offering.name)}</a>'
            f'<span class="who">{e(who(offering))}</span></h2>{cells}</section>')


def options(offerings: list[Offering], chosen: str) -> str:
    return "".join(f'<option value="{e(o.id)}"{" selected" if o.id == chosen else ""}>'
                   f"{e(o.name)} ({e(who(o))})</option>" for o in offerings)


def compare_page(registry: Registry, stamps: Stamps) -> str:
    offerings = ordered(registry)
    first, second = defaults(offerings)
    heads = "".join(f'<div class="rh r{i + 1}">{e(d.label)}</div>'
                    for i, d in enumerate(registry.vocabulary.dimensions.values()))
    columns = "\n".join(column(registry, o, stamps) for o in offerings)
    body = f"""<nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">Registry</a> / Compare</nav>
<h1>Compare two offerings</h1>
<p>Choose any two offerings; first-party offerings are listed first. Each cell says which company it grades: the EU AI Act cells grade the model developer, the others the serving platform.</p>
<div class="pick"><p><label for="pick-a">First offering</label> <select id="pick-a">{options(offerings, first)}</select></p>
<p><label for="pick-b">Second offering</label> <select id="pick-b">{options(offerings, second)}</select></p></div>
<p class="share">Share this comparison: <a id="share" href="?a={e(first)}&amp;b={e(second)}">link to the two offerings chosen</a>.</p>
<noscript><p class="note">With JavaScript off, the link opens this page on its first two offerings; choose the two above.</p></noscript>
<p class="same">The same offering is chosen twice: its one column is shown across both.</p>
<div class="cmp"><div class="rh r0">Question</div>{heads}
{columns}</div>"""
    return page(registry, "Compare", body, 1, COMPARE_CSS, COMPARE_JS)


def compare_css(registry: Registry) -> str:
    """Grid rows per dimension and two :has() rules per offering: linear in both."""
    rows = len(registry.vocabulary.dimensions) + 1
    lines = [".cmp{display:grid;grid-template-columns:minmax(7em,11em) minmax(0,1fr) minmax(0,1fr);"
             "gap:0 1em}",
             ".cmp .rh{grid-column:1;font-weight:600;border-top:1px solid #dde;padding:.4em 0}",
             ".cmp .cc{border-top:1px solid #dde;padding:.4em 0;margin:0;min-width:0;"
             "overflow-wrap:anywhere}",
             ".cmp .col{display:none}.same{display:none}",
             *(f".r{i}{{grid-row:{i + 1}}}" for i in range(rows))]
    for o in registry.offerings.values():
        for pick, col in (("a", 2), ("b", 3)):
            when = f'body:has(#pick-{pick} option[value="{o.id}"]:checked) #c-{o.id}'
            lines.append(f"{when}{{display:contents}}{when}>*{{grid-column:{col}}}")
        both = (f'body:has(#pick-a option[value="{o.id}"]:checked)'
                f':has(#pick-b option[value="{o.id}"]:checked)')
        lines.append(f"{both} #c-{o.id}>*{{grid-column:2/4}}{both} .same{{display:block}}")
    lines += ["@supports not selector(:has(a)){.cmp{display:block}.cmp .rh{display:none}"
              ".cmp .col{display:block;border-top:2px solid #14325c}}",
              "@media (max-width:40em){.cmp{grid-template-columns:0 minmax(0,1fr) minmax(0,1fr);"
              "gap:0 .5em}.pick p,.pick select{width:100%}.cmp h2{font-size:1.15em}"
              ".cmp .rh{display:none}.cmp .cc .sr{position:static;width:auto;height:auto;"
              "clip:auto;margin:0;font-weight:600;white-space:normal}}"]
    return "\n".join(lines) + "\n"


def compare_js() -> str:
    """Reads `?a=ID&b=ID` or `#ID,ID` into the selects; a choice updates the address and the link."""
    return """"use strict";
(function () {
  var a = document.getElementById("pick-a"), b = document.getElementById("pick-b");
  var share = document.getElementById("share");
  function offered(select, id) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === id; });
  }
  var query = new URLSearchParams(window.location.search);
  var hash = decodeURIComponent(window.location.hash.slice(1)).split(",");
  [[a, query.get("a") || hash[0]], [b, query.get("b") || hash[1]]].forEach(function (pair) {
    if (pair[1] && offered(pair[0], pair[1])) { pair[0].value = pair[1]; }
  });
  function address() {
    return "?a=" + encodeURIComponent(a.value) + "&b=" + encodeURIComponent(b.value);
  }
  function chosen() {
    share.href = address();
    window.history.replaceState(null, "", address());
  }
  share.href = address();
  a.addEventListener("change", chosen);
  b.addEventListener("change", chosen);
})();
"""

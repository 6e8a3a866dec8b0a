"""The readable text and title of a fetched page: HTML through selectolax, PDF through pypdf.

Text is what a browser shows: scripts, styles and elements hidden by the `hidden` attribute
or an inline `display: none` are dropped (`aria-hidden` text stays: it is on the screen, only
hidden from screen readers; `hidden="until-found"` text stays: find-in-page shows it).
Charsets are read as browsers read them, by the WHATWG Encoding Standard's labels only. A PDF,
or an HTML page of more than IN_PROCESS bytes, is read in a child process bounded in memory
and time (pagetext.py); a PDF's text is capped in pages and characters too.
"""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import webencodings

from .pagelimits import MEMORY

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

BLOCKS = ("address,article,aside,blockquote,br,caption,dd,details,div,dl,dt,figcaption,figure,footer,"
          "form,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,summary,table,td,th,tr,ul")
HIDDEN = ["script", "style", "noscript", "template", "svg", "iframe", "object"]
SECONDS = 20.0  # the default deadline for reading a page's text in a child process
IN_PROCESS = 1024 * 1024  # HTML up to this size is read here: its worst markup costs ~40 MB
_DISPLAY_NONE = re.compile(r"(?:^|;)\s*display\s*:\s*none\s*(?:!\s*important\s*)?(?:;|$)", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class ExtractError(Exception):
    """The body could not be read as a page (a broken PDF, an unknown kind of file)."""


@dataclass(frozen=True)
class Extracted:
    title: str
    text: str


def charset_of(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return match.group(1) if match else None


def _encoding(label: str | None) -> webencodings.Encoding | None:
    """The WHATWG encoding a label names (`latin1` is windows-1252), or None for any other name
    (`rot13`, `utf-7`, `unicode_escape`: Python codecs no browser knows)."""
    return webencodings.lookup(label) if label else None


def _from_meta(encoding: webencodings.Encoding | None) -> webencodings.Encoding | None:
    """A <meta> charset as the HTML standard reads it: UTF-16 there means UTF-8, x-user-defined
    means windows-1252."""
    if encoding is None:
        return None
    if encoding.name in ("utf-16be", "utf-16le"):
        return webencodings.UTF8
    return webencodings.lookup("windows-1252") if encoding.name == "x-user-defined" else encoding


def decode(body: bytes, content_type: str = "") -> str:
    """Text of an HTML body: BOM, HTTP charset, <meta charset>, UTF-8, else windows-1252."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace")
    meta = _META_CHARSET.search(body[:4096])
    encoding = _encoding(charset_of(content_type)) or \
        _from_meta(_encoding(meta.group(1).decode("ascii") if meta else None))
    if encoding:
        return encoding.codec_info.decode(body, "replace")[0]
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:  # WHATWG's default for unlabelled pages in most locales
        return body.decode("cp1252", errors="replace")


def is_pdf(body: bytes, content_type: str) -> bool:
    return body[:1024].lstrip().startswith(b"%PDF-") or "application/pdf" in content_type.lower()


def extract(body: bytes, content_type: str = "", seconds: float = SECONDS) -> Extracted:
    """Title and readable text of an HTML page or a PDF (read within seconds)."""
    if is_pdf(body, content_type):
        return _in_child("pdf", body, content_type, seconds)
    kind = content_type.split(";")[0].strip().lower()
    if kind and not (kind.startswith("text/") or kind.endswith(("+xml", "/xml", "html"))):
        raise ExtractError(f"cannot read a page of type {kind}")
    if len(body) > IN_PROCESS:
        return _in_child("html", body, content_type, seconds)
    return html_text(decode(body, content_type))


def _hidden(tree: LexborHTMLParser) -> list[LexborNode]:
    """The outermost elements a browser does not render: `hidden` (but until-found) or an inline
    `display: none`."""
    found = [n for n in tree.css("[hidden]") if (n.attributes.get("hidden") or "").strip().lower()
             != "until-found"]
    found += [n for n in tree.css("[style]") if _DISPLAY_NONE.search(n.attributes.get("style") or "")]
    ids = {n.mem_id for n in found}
    outermost: dict[int, LexborNode] = {}
    for node in found:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:  # no hidden ancestor: removing it removes the nested ones too
            outermost[node.mem_id] = node
    return list(outermost.values())


def html_text(html: str) -> Extracted:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title") or tree.css_first("h1")
    title = " ".join(title_node.text().split()) if title_node else ""
    tree.strip_tags(HIDDEN)
    for node in _hidden(tree):
        node.decompose()
    for node in tree.css(BLOCKS):  # a block starts and ends a line
        node.insert_before("\n")
        node.insert_after("\n")
    root = tree.body or tree.root
    return Extracted(title, root.text(separator="") if root else "")


def _in_child(kind: str, body: bytes, content_type: str, seconds: float) -> Extracted:
    """The page's title and text, read by pagetext.py in a child process killed at the deadline."""
    command = [sys.executable, "-m", "trustreg.pagetext", kind, content_type, str(max(1, int(seconds) + 1))]
    what = kind.upper()
    try:
        done = subprocess.run(command, input=body, capture_output=True, timeout=seconds, check=False)
    except subprocess.TimeoutExpired:
        raise ExtractError(f"reading the {what} took more than {seconds:g} s") from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = {"error": f"reading the {what} stopped at its limits ({MEMORY // 2**20} MB of memory, "
                           f"{seconds:g} s)"}
    if "error" in answer:
        raise ExtractError(answer["error"])
    return Extracted(answer["title"], answer["text"])

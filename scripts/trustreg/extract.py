"""The readable text and title of a fetched page: HTML through selectolax, PDF through pypdf."""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass

BLOCKS = ("address,article,aside,blockquote,br,caption,dd,details,div,dl,dt,figcaption,figure,footer,"
          "form,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,summary,table,td,th,tr,ul")
HIDDEN = ["script", "style", "noscript", "template", "svg", "iframe", "object"]
MAX_PDF_PAGES = 500
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


def _known(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(body: bytes, content_type: str = "") -> str:
    """Text of an HTML body: BOM, HTTP charset, <meta charset>, UTF-8, else windows-1252."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace")
    meta = _META_CHARSET.search(body[:4096])
    label = _known(charset_of(content_type)) or _known(meta.group(1).decode("ascii") if meta else None)
    if label:
        return body.decode(label, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:  # WHATWG's default for unlabelled pages in most locales
        return body.decode("cp1252", errors="replace")


def is_pdf(body: bytes, content_type: str) -> bool:
    return body[:1024].lstrip().startswith(b"%PDF-") or "application/pdf" in content_type.lower()


def extract(body: bytes, content_type: str = "") -> Extracted:
    """Title and readable text of an HTML page or a PDF."""
    if is_pdf(body, content_type):
        return _pdf(body)
    kind = content_type.split(";")[0].strip().lower()
    if kind and not (kind.startswith("text/") or kind.endswith(("+xml", "/xml", "html"))):
        raise ExtractError(f"cannot read a page of type {kind}")
    return html_text(decode(body, content_type))


def html_text(html: str) -> Extracted:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title") or tree.css_first("h1")
    title = " ".join(title_node.text().split()) if title_node else ""
    tree.strip_tags(HIDDEN)
    for node in tree.css(BLOCKS):
        node.insert_after("\n")
    root = tree.body or tree.root
    return Extracted(title, root.text(separator="") if root else "")


def _pdf(body: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(body))
        title = str((reader.metadata or {}).get("/Title") or "")
        text = "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES])
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError, OSError) as exc:
        raise ExtractError(f"not a readable PDF: {str(exc)[:120] or type(exc).__name__}") from None
    return Extracted(" ".join(title.split()), text)

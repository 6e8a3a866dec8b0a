"""Read a page's title and text in a child process that limits its own memory and CPU time,
and that the parent kills at the page's deadline. PDFs always go here (pypdf cannot be
interrupted: one page of a hostile PDF may cost minutes of CPU); big HTML pages too (a parsed
element or attribute costs ~150 bytes, so markup-dense 10 MB could take gigabytes).

    python -m trustreg.pagetext KIND CONTENT_TYPE SECONDS < body

KIND is pdf or html. Prints JSON: {"title": ..., "text": ...} or {"error": ...}. A PDF's text
stops after MAX_PDF_PAGES pages or MAX_PDF_TEXT characters (a cut that is the same on every
run).
"""

from __future__ import annotations

import io
import json
import sys

from .pagelimits import MEMORY

MAX_PDF_PAGES = 500
MAX_PDF_TEXT = 4 * 1024 * 1024  # characters of text read from one PDF


def _limit(seconds: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX: the parent's deadline still holds
        return
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def read_pdf(body: bytes, max_pages: int = MAX_PDF_PAGES, max_chars: int = MAX_PDF_TEXT) -> dict[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(body))
        title = str((reader.metadata or {}).get("/Title") or "")
        parts: list[str] = []
        size = 0
        for page in reader.pages[:max_pages]:
            parts.append((page.extract_text() or "")[:max_chars - size])
            size += len(parts[-1]) + 1
            if size >= max_chars:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError, OSError, AttributeError,
            IndexError, ZeroDivisionError) as exc:
        return {"error": f"not a readable PDF: {str(exc)[:120] or type(exc).__name__}"}
    return {"title": " ".join(title.split()), "text": "\n".join(parts)}


def read_html(body: bytes, content_type: str) -> dict[str, str]:
    from .extract import decode, html_text

    page = html_text(decode(body, content_type))
    return {"title": page.title, "text": page.text}


def main() -> None:
    kind, content_type, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    _limit(seconds)
    body = sys.stdin.buffer.read()
    try:
        answer = read_pdf(body) if kind == "pdf" else read_html(body, content_type)
    except MemoryError:
        answer = {"error": f"reading the {kind.upper()} needs more than {MEMORY // 2**20} MB"}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()

"""Read a PDF's title and text in a child process that a deadline can stop (pypdf cannot be
interrupted: one page of a hostile PDF may cost minutes of CPU).

    python -m trustreg.pdftext MAX_PAGES MAX_CHARS SECONDS < file.pdf

prints JSON: {"title": ..., "text": ...} or {"error": ...}. The text stops after MAX_PAGES
pages or MAX_CHARS characters (a cut that is the same on every run); the process limits its
own CPU time to SECONDS and its address space to MEMORY bytes, and the parent kills it at
its deadline.
"""

from __future__ import annotations

import io
import json
import sys

MEMORY = 1024 * 1024 * 1024


def _limit(seconds: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX: the parent's deadline still holds
        return
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def read(body: bytes, max_pages: int, max_chars: int) -> dict[str, str]:
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
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError, OSError, MemoryError,
            AttributeError, IndexError, ZeroDivisionError) as exc:
        return {"error": f"not a readable PDF: {str(exc)[:120] or type(exc).__name__}"}
    return {"title": " ".join(title.split()), "text": "\n".join(parts)}


def main() -> None:
    max_pages, max_chars, seconds = (int(a) for a in sys.argv[1:4])
    _limit(seconds)
    answer = read(sys.stdin.buffer.read(), max_pages, max_chars)
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()

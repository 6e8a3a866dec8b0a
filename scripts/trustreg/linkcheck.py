"""Check that every source and archive URL still answers (needs the network; opt-in)."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .model import Registry

USER_AGENT = "trustreg-linkcheck (+AI Provider Trust Registry)"


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None  # HTTP status, or None when no answer came
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400


def registry_urls(registry: Registry) -> list[str]:
    """Every distinct source, archive and trust-center URL, sorted."""
    urls = {o.trust_center for o in registry.organisations.values() if o.trust_center}
    for offering in registry.offerings.values():
        for cell in offering.cells.values():
            for source in cell.sources:
                urls.update(u for u in (source.url, source.archived) if u)
    return sorted(urls)


def probe(url: str, timeout: float = 20.0) -> LinkResult:
    """HEAD the URL, falling back to GET for servers that refuse HEAD."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return LinkResult(url, response.status)
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return LinkResult(url, exc.code, exc.reason or "")
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return LinkResult(url, None, str(getattr(exc, "reason", exc)))
    return LinkResult(url, None, "no answer")  # pragma: no cover - loop always returns


def check_links(urls: Iterable[str], workers: int = 8, timeout: float = 20.0) -> list[LinkResult]:
    """Probe URLs concurrently; results in the order given."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda u: probe(u, timeout), urls))

"""Check that every source and archive URL still answers (needs the network; opt-in).

Links are probed by the one fetcher (fetch.py), with all its limits: checked redirects, a
deadline per URL, public addresses only, politeness per host.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Registry

if TYPE_CHECKING:
    from .fetch import Fetcher, Page

HEAD_REFUSED = (403, 405, 501)  # servers that answer HEAD so are asked again with GET


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None  # HTTP status, or None when no answer came
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and self.status is not None and self.status < 400


def registry_urls(registry: Registry) -> list[str]:
    """Every distinct source, archive and trust-center URL, sorted."""
    urls = {o.trust_center for o in registry.organisations.values() if o.trust_center}
    for offering in registry.offerings.values():
        for cell in offering.cells.values():
            for source in cell.sources:
                urls.update(u for u in (source.url, source.archived) if u)
    return sorted(urls)


def check_links(urls: Iterable[str], fetcher: Fetcher) -> list[LinkResult]:
    """Probe each URL (HEAD, then GET for servers that refuse HEAD); results in the order given."""

    def probe(url: str) -> Page:
        page = fetcher.fetch(url, "HEAD", read=False)
        if not page.error and page.status in HEAD_REFUSED:
            page = fetcher.fetch(url, "GET", read=False)
        return page

    wanted = list(urls)
    pages = fetcher.fetch_all(wanted, probe)
    return [LinkResult(url, None if pages[url].error else pages[url].status, pages[url].error)
            for url in wanted]

"""What a page is, judged by its address: a site's home page, a lead page, a page under another.

Addresses are read as browsers read them (WHATWG URL, via ada-url: dot segments, default ports and
case are resolved), so a cosmetic spelling of an address is judged like the address itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ada_url import URL

from .urls import url_problem

# A locale root such as /en/, /en-us/, /de_DE/, /zh-hans/ or /es-419/ is a home page too: a
# two-letter language, maybe with a region or script. Three letters alone (/faq, /dpa, /zdr) name
# pages, not languages.
_LOCALE = re.compile(r"[a-z]{2}(?:[-_](?:[a-z]{2}|[a-z]{4}|\d{3}))?", re.IGNORECASE)


@dataclass(frozen=True)
class Address:
    host: str  # lower-case ASCII, no final dot
    segments: tuple[str, ...]  # the path's non-empty segments, lower-case


def address(url: str) -> Address | None:
    """The parts of a publishable URL, or None when it is not one (TR107 reports those)."""
    if url_problem(url):
        return None
    parsed = URL(url)
    segments = tuple(s.lower() for s in parsed.pathname.split("/") if s)
    return Address(parsed.hostname.removesuffix("."), segments)


def is_home_page(url: str) -> bool:
    """A site's root, or a locale's root (`/en-us/`, `/fr/`), whatever its query or fragment (the
    same page, as urls.page_key has it): a page that proves nothing by itself."""
    parts = address(url)
    return bool(parts and (not parts.segments or (
        len(parts.segments) == 1 and _LOCALE.fullmatch(parts.segments[0]))))


def is_under(url: str, prefix: str) -> bool:
    """Whether url is the page prefix names, or a page below it on the same host (www. or not)."""
    page, top = address(url), address(prefix)
    if not (page and top) or page.host.removeprefix("www.") != top.host.removeprefix("www."):
        return False
    return page.segments[:len(top.segments)] == top.segments


@dataclass(frozen=True)
class LeadShape:
    """The address shape of a kind of lead page (schema/vocabulary.yaml `lead_pages`)."""

    kind: str
    host_labels: tuple[str, ...] = ()
    path_segments: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()

    def why(self, parts: Address) -> str | None:
        """What in the address makes it this kind of lead page, or None."""
        if any(parts.host == h or parts.host.endswith("." + h) for h in self.hosts):
            return f"its host {parts.host} is a {self.kind} site"
        if parts.host.split(".")[0] in self.host_labels:
            return f"its host {parts.host} names a {self.kind}"
        segment = next((s for s in parts.segments if s in self.path_segments), None)
        return f"its path has the segment {segment!r}" if segment else None


def lead_shape(url: str, shapes: tuple[LeadShape, ...]) -> tuple[str, str] | None:
    """(kind, why) when the address shows a lead page, else None."""
    parts = address(url)
    if parts is None:
        return None
    for shape in shapes:
        why = shape.why(parts)
        if why:
            return shape.kind, why
    return None

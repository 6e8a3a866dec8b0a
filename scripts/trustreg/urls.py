"""URLs as browsers read them (the WHATWG URL standard, via ada-url): which may be published.

A publishable URL is https, carries no user name or password, and names its host by a valid
domain name (after IDNA and lower-casing), not an IP address. Every comparison of hosts (a
primary source's domain) uses host(), so a host that browsers and this tool read differently
never counts as a graded party's.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import idna
from ada_url import URL

_SCRIPT_SCHEMES = ("javascript", "data", "vbscript", "file")
_SPACE = re.compile(r"\s")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")  # letters, digits, hyphens; 1-63
_HOST_TYPE_DOMAIN = 0  # ada-url's host_type: 0 domain, 1 IPv4, 2 IPv6
# The common case, read alike by every parser: https, then a lower-case host of plain labels
# (the last starts with a letter, so it is no IPv4 number) ending the authority. A URL of this
# form needs no full parse; any other goes through ada-url.
_PLAIN = re.compile(r"https://((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)"
                    r"(?:[/?#][^\s]*)?")


def _domain_problem(host: str) -> str | None:
    """Why a host (ASCII, as WHATWG serialises it) is not a valid domain name, or None."""
    name = host.removesuffix(".")
    labels = name.split(".")
    if len(name) > 253 or len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return "has a host that is not a valid domain name"
    if labels[-1].isdigit():
        return "has an IP address as host"
    try:  # every xn-- label must be valid punycode of a valid IDNA label
        if "xn--" in name:
            idna.decode(name)
    except (idna.IDNAError, UnicodeError, ValueError):
        return "has a host that is not a valid internationalised domain name"
    return None


def url_problem(url: str) -> str | None:
    """Why a URL may not be published, or None when it is fine."""
    plain = _PLAIN.fullmatch(url)
    if plain and len(plain[1]) <= 253 and "xn--" not in plain[1]:
        return None
    scheme = url.partition(":")[0].strip().lower() if ":" in url else ""
    if scheme in _SCRIPT_SCHEMES:
        return f"uses the {scheme}: scheme"
    if _SPACE.search(url):
        return "contains white space"
    try:
        parsed = URL(url)
    except ValueError:
        return "is not a valid URL"
    if parsed.protocol != "https:":
        return "is not https"
    if parsed.username or parsed.password:
        return "carries credentials"
    if parsed.host_type != _HOST_TYPE_DOMAIN:
        return "has an IP address as host"
    return _domain_problem(parsed.hostname)


def host(url: str) -> str | None:
    """The domain a publishable URL points at (lower-case ASCII, no final dot), else None."""
    plain = _PLAIN.fullmatch(url)
    if plain and len(plain[1]) <= 253 and "xn--" not in plain[1]:
        return plain[1]
    if url_problem(url):
        return None
    return URL(url).hostname.removesuffix(".")


def page_key(url: str) -> str:
    """The page a URL names: two URLs are the same page exactly when their keys are equal. This
    one function decides it everywhere (corrections, TR119, TR125, cite, watch, excerpts).

    The URL is read as browsers read it (WHATWG, via ada-url: scheme and host case, IDNA,
    default port, dot segments, `%2e` segments). Then, as a stated policy: the scheme (http or
    https), credentials, query and fragment do not name another page; percent-escapes are
    decoded and the path's case is folded (as excerpt file names fold it); empty segments and
    a trailing slash do not count (`/a/` is `/a`, `//` is the root); a leading `www.` label
    and a final dot of the host do not either; another port does. The key is `host/path`
    (`host/` for the root).
    Text that is no URL is its own key, trimmed."""
    text = url.strip() if isinstance(url, str) else ""
    try:
        parsed = URL(text)
    except ValueError:
        return text
    if parsed.protocol not in ("http:", "https:") or not parsed.hostname:
        return parsed.href.split("#", 1)[0]
    name = parsed.hostname.removesuffix(".").removeprefix("www.") + (f":{parsed.port}" if parsed.port else "")
    segments = [s for s in unquote(parsed.pathname).casefold().split("/") if s]
    return f"{name}/{'/'.join(segments)}"


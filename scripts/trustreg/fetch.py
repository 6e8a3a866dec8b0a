"""Fetch cited pages politely and safely: the network half of `cite`, `watch`, `check --quotes`
and `links` (every network command uses this one fetcher).

Limits hold whatever a server does: a deadline for the whole page (resolving, connecting,
headers, body and every redirect; a server dripping a byte at a time ends there), a cap on
the decoded body (enforced while streaming, so a gzip bomb or a 50 MB page never fills
memory), at most a few redirects, each hop checked like a source URL (https on a domain
name), no cookies kept, no proxy, only public addresses (netguard.py checks the addresses a
name resolves to and the peer connected to), and per-host politeness (a few requests at a
time and a pause between them). `resolve` maps a host to a loopback server for tests
(`--resolve HOST=http://127.0.0.1:PORT`): the only case plain http and a loopback address
are used; with any mapping given, no other host is contacted. httpx is imported here and in
netguard.py only, so `check` never loads it.
"""

from __future__ import annotations

import http.cookiejar
import ipaddress
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import chain, zip_longest
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from . import netguard
from .rules.tr107_safe_urls import url_problem

USER_AGENT = "trustreg-watch (+AI Provider Trust Registry; checks cited sources)"
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024


class ResolveError(ValueError):
    """A --resolve value is not HOST=http://LOOPBACK:PORT."""


@dataclass(frozen=True)
class Limits:
    timeout: float = 20.0  # seconds for the whole page, redirects included
    max_bytes: int = 10 * 1024 * 1024  # decoded body
    max_redirects: int = 5
    workers: int = 8  # requests in flight over all hosts
    per_host: int = 2  # requests in flight to one host
    delay: float = 0.25  # seconds between request starts to one host


@dataclass(frozen=True)
class Page:
    """What one URL answered: the final status and body, or why there is none."""

    url: str
    final_url: str
    status: int | None = None
    content_type: str = ""
    body: bytes = b""
    error: str = ""  # set when no usable answer came (timeout, too large, bad redirect, ...)
    hops: tuple[str, ...] = ()  # every URL after the first that a redirect led to
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = Limits.timeout  # the page's deadline: also the time its text may take to read

    @property
    def ok(self) -> bool:
        return not self.error and self.status is not None and 200 <= self.status < 300


def parse_resolve(values: Iterable[str]) -> dict[str, str]:
    """{host: 'http://127.0.0.1:PORT'} from HOST=URL strings; loopback targets only."""
    mapping: dict[str, str] = {}
    for value in values:
        host, sep, target = value.partition("=")
        parts = urlsplit(target)
        if not sep or not host or "/" in host or ":" in host:
            raise ResolveError(f"--resolve {value!r}: write HOST=http://127.0.0.1:PORT")
        if parts.scheme != "http" or not _loopback(parts.hostname or "") \
                or parts.path not in ("", "/") or parts.query or parts.username:
            raise ResolveError(f"--resolve {value!r}: the target must be http://127.0.0.1:PORT "
                               "(loopback only, no path)")
        mapping[host.lower().rstrip(".")] = f"http://{parts.netloc}"
    return mapping


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _private(host: str) -> bool:
    """An IP literal outside the public internet (loopback, private, link-local, ...)."""
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_global
    except ValueError:
        return host == "localhost" or host.endswith(".localhost")


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


class _Gate:
    """Per-host politeness: at most `per_host` requests at once, `delay` between starts."""

    def __init__(self, per_host: int, delay: float) -> None:
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(per_host))
        self._next: dict[str, float] = {}
        self._delay = delay

    def enter(self, host: str) -> threading.Semaphore:
        with self._lock:
            slot = self._slots[host]
        slot.acquire()
        with self._lock:
            start = max(time.monotonic(), self._next.get(host, 0.0))
            self._next[host] = start + self._delay
        time.sleep(max(0.0, start - time.monotonic()))
        return slot


class _TooLarge(Exception):
    pass


class Fetcher:
    """One HTTP client for many pages; use as a context manager."""

    def __init__(self, limits: Limits | None = None, resolve: dict[str, str] | None = None) -> None:
        self.limits = limits or Limits()
        self.resolve = dict(resolve or {})
        self._gate = _Gate(self.limits.per_host, self.limits.delay)
        no_cookies = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        targets = [(urlsplit(t).hostname or "", urlsplit(t).port or 80) for t in self.resolve.values()]
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            cookies=no_cookies, timeout=httpx.Timeout(self.limits.timeout),
            follow_redirects=False, trust_env=False,
            transport=netguard.Transport(netguard.Backend(targets), max(self.limits.workers, 1) * 2))

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def _transport_url(self, url: str) -> str | None:
        """The URL actually requested: a --resolve target for a mapped host; None if refused."""
        parts = urlsplit(url)
        host = host_of(url)
        if host in self.resolve:
            target = urlsplit(self.resolve[host])
            return urlunsplit((target.scheme, target.netloc, parts.path or "/", parts.query, ""))
        return None if self.resolve else url

    def fetch(self, url: str, method: str = "GET", *, read: bool = True) -> Page:
        """GET a page (read=False: its status only), following checked redirects; never raises
        for what a server does. The page's time (every hop's, not the wait for a turn at a
        busy host) is at most the timeout."""
        return replace(self._fetch(url, method, read), timeout=self.limits.timeout)

    def _fetch(self, url: str, method: str, read: bool) -> Page:
        hops: list[str] = []
        current = url
        left = self.limits.timeout
        while True:
            problem = url_problem(current)
            if problem:
                return Page(url, current, error=f"{'redirect to ' if hops else ''}URL {problem}",
                            hops=tuple(hops))
            if _private(host_of(current)) and host_of(current) not in self.resolve:
                return Page(url, current, error=f"host {host_of(current)} is a private address",
                            hops=tuple(hops))
            real = self._transport_url(current)
            if real is None:
                return Page(url, current, error=f"host {host_of(current)} is not mapped by --resolve",
                            hops=tuple(hops))
            slot = self._gate.enter(host_of(current))
            start = time.monotonic()
            netguard.set_deadline(start + left)
            try:
                page = self._one(url, current, real, method, read, start + left, hops)
            finally:
                netguard.set_deadline(None)
                slot.release()
            left -= time.monotonic() - start
            if isinstance(page, Page):
                return page
            if page in (url, *hops):
                return Page(url, page, error="redirect loop", hops=(*hops, page))
            hops.append(page)
            if len(hops) > self.limits.max_redirects:
                return Page(url, page, error=f"more than {self.limits.max_redirects} redirects",
                            hops=tuple(hops))
            current = page

    def _one(self, url: str, current: str, real: str, method: str, read: bool, deadline: float,
             hops: list[str]) -> Page | str:
        """One request: a Page, or the next URL when the answer is a redirect."""
        headers = {"Host": urlsplit(current).netloc} if real != current else {}
        try:
            with self._client.stream(method, real, headers=headers) as response:
                location = response.headers.get("location")
                if response.status_code in REDIRECTS and location:
                    return urlunsplit((*urlsplit(urljoin(current, location))[:4], ""))
                body = self._read(response, deadline) if read else b""
                return Page(url, current, response.status_code,
                            response.headers.get("content-type", ""), body, hops=tuple(hops),
                            headers=dict(response.headers))
        except (_TooLarge, netguard.Refused) as exc:
            return Page(url, current, error=str(exc), hops=tuple(hops))
        except httpx.TimeoutException:
            return Page(url, current, error=f"no answer within {self.limits.timeout:g} s",
                        hops=tuple(hops))
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, zlib.error,
                ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return Page(url, current, error=reason[:200], hops=tuple(hops))

    def _read(self, response: httpx.Response, deadline: float) -> bytes:
        """The decoded body, streamed under the size cap and the page deadline."""
        cap = self.limits.max_bytes
        limit = f"the page is larger than {cap / 2**20:g} MB"
        if int(response.headers.get("content-length") or 0) > cap \
                and response.headers.get("content-encoding", "identity") == "identity":
            raise _TooLarge(limit)
        coding = response.headers.get("content-encoding", "identity").strip().lower()
        wbits = {"gzip": 47, "x-gzip": 47, "deflate": 15}.get(coding)
        if wbits is None and coding not in ("identity", ""):
            raise ValueError(f"unsupported content encoding {coding!r}")
        decoder = zlib.decompressobj(wbits) if wbits else None
        out = bytearray()
        raw = response.iter_raw(CHUNK)
        for chunk in raw:
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("deadline")
            for piece in _decoded(decoder, chunk, cap + 1 - len(out)):
                out += piece
                if len(out) > cap:
                    raise _TooLarge(limit)
        return bytes(out)

    def fetch_all(self, urls: Iterable[str], fetch: Callable[[str], Page] | None = None) -> dict[str, Page]:
        """Every distinct URL fetched once (by fetch, default self.fetch), hosts interleaved so no
        one host holds every worker."""
        by_host: dict[str, list[str]] = defaultdict(list)
        for url in dict.fromkeys(urls):
            by_host[host_of(url)].append(url)
        order = [u for u in chain.from_iterable(zip_longest(*by_host.values())) if u is not None]
        with ThreadPoolExecutor(max_workers=max(1, self.limits.workers)) as pool:
            return dict(zip(order, pool.map(fetch or self.fetch, order), strict=True))


def _decoded(decoder: zlib._Decompress | None, chunk: bytes, room: int) -> Iterator[bytes]:
    """Decompress a chunk in pieces of at most `room` bytes each (never the whole bomb at once)."""
    if decoder is None:
        yield chunk
        return
    room = max(room, 1)
    data = decoder.decompress(chunk, room)
    yield data
    while decoder.unconsumed_tail and data:
        data = decoder.decompress(decoder.unconsumed_tail, room)
        yield data

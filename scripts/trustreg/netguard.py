"""The fetcher's sockets: only public addresses, and every step under the page's deadline.

A host name is resolved here, every address it resolves to must be public (one private
address is enough to refuse it: DNS rebinding mixes them), and the peer actually connected
to is checked again. The only private addresses reached are the loopback targets a
`--resolve` mapping names. Each read, write, connect and TLS handshake is given at most the
time left before the deadline of the page being fetched (set per thread by the fetcher), so
a server dripping one byte at a time cannot hold a page past it.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import httpcore
import httpx

_DEADLINE = threading.local()


class Refused(Exception):
    """A connection the fetcher must not make (a private address)."""


def set_deadline(deadline: float | None) -> None:
    """The monotonic time by which this thread's current page must be done (None: no limit)."""
    _DEADLINE.value = deadline


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """The timeout for one step: the step's own, cut to the time left of the page's deadline."""
    deadline = getattr(_DEADLINE, "value", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the page's deadline has passed")
    return left if timeout is None else min(timeout, left)


def public(address: str) -> bool:
    """Whether an IP address is on the public internet (an IPv4-mapped IPv6 one as its IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """The addresses a name resolves to, within timeout (getaddrinfo itself has none)."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        found = pool.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
        infos = found.result(timeout)
    except FutureTimeout:
        raise httpcore.ConnectTimeout(f"no address for {host} within the deadline") from None
    except (OSError, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
    finally:
        pool.shutdown(wait=False)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _Stream(httpcore.NetworkStream):
    """A socket stream whose every step ends by the page's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname,
                                             _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class Backend(httpcore.NetworkBackend):
    """Connects to public addresses only, or to the loopback targets of --resolve."""

    def __init__(self, loopback_targets: Iterable[tuple[str, int]] = ()) -> None:
        self._inner = httpcore.SyncBackend()
        self._targets = set(loopback_targets)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
        mapped = (host, port) in self._targets
        addresses = [host] if mapped else resolve(host, port, _left(timeout, httpcore.ConnectTimeout))
        private = None if mapped else next((a for a in addresses if not public(a)), None)
        if private:
            raise Refused(f"host {host} resolves to a private address ({private})")
        failure: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(address, port, _left(timeout, httpcore.ConnectTimeout),
                                                 local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            peer = str(stream.get_extra_info("server_addr")[0])
            if public(peer) == mapped:  # a mapped target is loopback; anything else is public
                stream.close()
                raise Refused(f"host {host} connected to a private address ({peer})" if not mapped
                              else f"--resolve target {host} connected to {peer}")
            return _Stream(stream)
        raise failure

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        raise Refused("the fetcher does not use Unix sockets")


class Transport(httpx.HTTPTransport):
    """httpx's transport over the guarded backend (no proxy: the fetcher must see the peer)."""

    def __init__(self, backend: Backend, max_connections: int) -> None:
        super().__init__()
        # httpx takes no network backend, so its pool is replaced by one built the same way
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             max_connections=max_connections,
                                             max_keepalive_connections=max_connections,
                                             network_backend=backend)

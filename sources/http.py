"""Hardened HTTP client for feeds and article pages.

Guarantees of :meth:`Fetcher.get`:

* never raises for network/HTTP problems; every outcome is a :class:`FetchResult`;
* only http/https; redirects are followed by hand (scheme + address checked on every hop);
* SSRF guard: every address a host resolves to must be globally routable unless the
  host (as written in the URL) is in ``settings.allow_hosts``; the socket is opened to
  the checked address and its *actual peer address* is checked again after connecting;
* a total wall-clock deadline per call (including redirects, headers, body and retries);
* transient failures (no response, a reset, 500/502/503/504 without Retry-After) are tried again within that
  deadline, by tenacity with exponential backoff and jitter (rules: ``fetch_policy.retry_in_call``);
* body size capped on the *decoded* bytes while streaming (gzip bombs stop at max_bytes).
"""
from __future__ import annotations

import http
import ipaddress
import math
import re
import socket
import threading
import time
import zlib
from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncStream  # httpcore's plain socket stream
from protego import Protego
from tenacity import RetryCallState, Retrying, retry_if_result, stop_after_attempt, stop_any, wait_exponential_jitter
from tenacity.stop import stop_base

from config.settings import Settings
from sources.fetch_policy import retry_in_call

__all__ = ["FetchResult", "Fetcher", "blocked_reason", "ERROR_KINDS"]

ERROR_KINDS = (
    "blocked_scheme", "blocked_address", "invalid_url", "dns", "connect", "timeout",
    "too_large", "too_many_redirects", "http_status", "protocol",
)
ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_HOST_CHARS = re.compile(r"[A-Za-z0-9._:-]+")  # raw_host is ASCII (IDNA-encoded by httpx)


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str | None
    status: int | None
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)
    elapsed_ms: int = 0
    error_kind: str | None = None
    error: str | None = None
    attempts: int = 1  # requests made for this result (retries within the call included)

    @property
    def ok(self) -> bool:
        return self.error_kind is None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


# --------------------------------------------------------------------------- SSRF guard

def blocked_reason(address: str) -> str | None:
    """Why a literal IP address must not be fetched, or None if it is globally routable."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id ("fe80::1%eth0")
    if ip.version == 6:
        # An IPv6 address that carries an IPv4 one is judged by the IPv4 address.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            inner = blocked_reason(str(embedded))
            return f"IPv4-embedded {inner}" if inner else None
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("shared address space", ip.version == 4 and ip in _SHARED_ADDRESS_SPACE),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("not globally routable", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def _normalize_host(host: str) -> str:
    host = host.strip().lower().strip("[]").rstrip(".")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def resolve(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (tests replace this to fake DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def open_socket(address: tuple[str, int], timeout: float | None) -> socket.socket:
    """Open a TCP connection to a literal address (tests replace this to spy on connects)."""
    return socket.create_connection(address, timeout)


class _GuardError(Exception):
    """Raised inside the transport; not an httpcore exception, so httpx passes it through."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class _Deadline(threading.local):
    at: float | None = None  # time.monotonic() value at which the current get() must end

    def remaining(self) -> float:
        """Seconds left (infinite outside a get())."""
        return math.inf if self.at is None else self.at - time.monotonic()

    def clamp(self, timeout: float | None, exc: type[Exception]) -> float | None:
        if self.at is None:
            return timeout
        left = self.remaining()
        if left <= 0:
            raise exc("total timeout exceeded")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """Clamps every socket operation to the caller's total deadline, so a server that
    drips headers (not only the body) cannot keep a request alive past total_timeout_s."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline):
        self._inner, self._deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        timeout = self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout), self._deadline)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


def parse_connect_to(entries: tuple[str, ...]) -> dict[str, tuple[str, int]]:
    """'host=address:port' entries -> {host: (address, port)}."""
    mapping = {}
    for entry in entries:
        host, sep, target = entry.partition("=")
        address, colon, port = target.rpartition(":")
        if not sep or not colon or not port.isdigit():
            raise ValueError(f"connect_to entry must be host=address:port, got {entry!r}")
        mapping[_normalize_host(host)] = (address.strip("[]"), int(port))
    return mapping


class _GuardedBackend(httpcore.SyncBackend):
    """httpcore network backend that owns name resolution and the TCP connect.

    httpcore hands us the hostname from the URL. We resolve it ourselves, refuse the
    host if any address is not global (unless allow-listed), then connect to one of the
    addresses we just checked -- never to the name -- so a second DNS answer (DNS
    rebinding) cannot swap in another address. Finally we read the connected socket's
    peer address and check it again: that is the address packets actually go to, so the
    guard holds whatever happened between resolving and connecting.
    TLS is unaffected: httpcore does SNI/certificate checks against the URL's hostname.
    """

    def __init__(self, allow_hosts: tuple[str, ...], deadline: _Deadline, connect_to: tuple[str, ...] = ()):
        self._allow = {_normalize_host(h) for h in allow_hosts}
        self._deadline = deadline
        self._connect_to = parse_connect_to(connect_to)

    def _refuse_if_blocked(self, host: str, address: str) -> None:
        if host not in self._allow and (reason := blocked_reason(address)):
            raise _GuardError("blocked_address", f"address {address.split('%')[0]} is {reason} (blocked)")

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        host = _normalize_host(host)
        # Like curl's --connect-to: a mapped host is reached at the mapped address, which the guard then checks
        # (and which must be allow-listed if private). The demo uses it to keep stable URLs on a random port.
        host, port = self._connect_to.get(host, (host, port))
        try:
            addresses = resolve(host, port)
        except (socket.gaierror, UnicodeError) as exc:
            raise _GuardError("dns", f"cannot resolve {host}: {exc}") from None
        if not addresses:
            raise _GuardError("dns", f"cannot resolve {host}: no addresses")
        for address in addresses:  # every address must pass, not just the one we use
            self._refuse_if_blocked(host, address)

        last_error: OSError | None = None
        for address in addresses:
            try:
                sock = open_socket((address, port), self._deadline.clamp(timeout, httpcore.ConnectTimeout))
                break
            except OSError as exc:
                last_error = exc
        else:
            if isinstance(last_error, TimeoutError):
                raise httpcore.ConnectTimeout(str(last_error))
            raise httpcore.ConnectError(f"cannot connect to {host}:{port}: {last_error}")

        try:
            self._refuse_if_blocked(host, sock.getpeername()[0])  # the key property
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except BaseException:
            sock.close()
            raise
        return _DeadlineStream(SyncStream(sock), self._deadline)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport (exception mapping, response streams) over a connection
    pool that uses the guarded backend. HTTPTransport.__init__ only builds ``_pool``,
    so we build that pool ourselves instead of calling it."""

    def __init__(self, backend: _GuardedBackend, limits: httpx.Limits):  # super().__init__ not called on purpose
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )


# --------------------------------------------------------------------------- fetcher

class _Stop(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _classify(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, (_GuardError, _Stop)):
        return exc.kind, str(exc)
    if isinstance(exc, httpx.TimeoutException):
        return "timeout", f"{type(exc).__name__}: {exc or 'timed out'}"
    if isinstance(exc, httpx.ConnectError):
        return "connect", str(exc) or "connection failed"
    if isinstance(exc, (httpx.ReadError, httpx.WriteError, httpx.CloseError)):
        return "connect", f"connection broken: {exc}"
    if isinstance(exc, httpx.InvalidURL):  # e.g. a redirect Location that cannot be parsed
        return "invalid_url", f"invalid URL: {exc}"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "blocked_scheme", str(exc)
    return "protocol", f"{type(exc).__name__}: {exc}"


class Fetcher:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._deadline = _Deadline()
        timeout = httpx.Timeout(
            connect=settings.connect_timeout_s,
            read=settings.read_timeout_s,
            write=settings.read_timeout_s,
            pool=settings.connect_timeout_s,
        )
        limits = httpx.Limits(max_connections=max(10, 2 * settings.fetch_workers), max_keepalive_connections=20)
        self._client = httpx.Client(
            transport=_GuardedTransport(
                _GuardedBackend(settings.allow_hosts, self._deadline, settings.connect_to), limits),
            follow_redirects=False,
            timeout=timeout,
            headers={"User-Agent": settings.user_agent},
            trust_env=False,  # no proxies from the environment: they would bypass the guard
        )

        self._own_hosts = {_normalize_host(h) for h in settings.allow_hosts}
        self._robots: dict[str, Protego | tuple[str, str]] = {}
        self._robots_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, max_bytes: int, etag: str | None = None,
            last_modified: str | None = None, accept: str | None = None) -> FetchResult:
        """One URL, tried again on a transient failure while the call's total deadline leaves time for it."""
        start = time.monotonic()
        self._deadline.at = start + self.settings.total_timeout_s

        # A retry is another request start to the host: it waits at least min_host_interval_s, as get_many's starts
        # do (the operator's own, allow-listed hosts are exempt there and here).
        first_wait = self.settings.retry_wait_s
        if _host_of(url) not in self._own_hosts:
            first_wait = max(first_wait, self.settings.min_host_interval_s)
        retrying = Retrying(
            retry=retry_if_result(retry_in_call),
            stop=stop_any(stop_after_attempt(max(1, self.settings.request_attempts)),
                          _NoTimeForAnother(self._deadline)),
            wait=wait_exponential_jitter(multiplier=first_wait, max=8.0, jitter=self.settings.retry_wait_s),
            retry_error_callback=_last_result,  # out of attempts: the last result
        )
        try:
            result = retrying(self._get_once, url, start, max_bytes, etag, last_modified, accept)
        finally:
            self._deadline.at = None
        attempts = retrying.statistics.get("attempt_number", 1)
        if attempts > 1 and not result.ok:
            result = replace(result, error=f"{result.error} (after {attempts} attempts)")
        return replace(result, attempts=attempts)

    def _get_once(self, url: str, start: float, max_bytes: int, etag: str | None, last_modified: str | None,
                  accept: str | None) -> FetchResult:
        headers = {}
        if accept:
            headers["Accept"] = accept
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, status = url, None
        resp_headers: dict[str, str] = {}

        def result(content=b"", kind=None, message=None) -> FetchResult:
            return FetchResult(url, current, status, content, resp_headers,
                               int((time.monotonic() - start) * 1000), kind, message)

        try:
            target = self._checked_url(url)
            for hop in range(self.settings.max_redirects + 1):
                current, status, resp_headers = str(target), None, {}
                with self._client.stream("GET", target, headers=headers) as resp:
                    status = resp.status_code
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                    location = resp.headers.get("location")
                    if status in REDIRECT_STATUSES and location:
                        if hop == self.settings.max_redirects:
                            raise _Stop("too_many_redirects", f"more than {self.settings.max_redirects} redirects")
                        target = self._checked_url(target.join(location.strip()))
                        continue
                    if status == 304:
                        return result()
                    if not 200 <= status < 300:
                        return result(kind="http_status", message=_status_text(status))
                    return result(self._read_body(resp, max_bytes))
            raise AssertionError("unreachable")  # pragma: no cover
        except Exception as exc:  # the contract: never raise for network/HTTP problems
            kind, message = _classify(exc)
            if kind == "timeout" and self._deadline.remaining() <= 0.05:
                message = f"exceeded total timeout of {self.settings.total_timeout_s}s"
            return result(kind=kind, message=" ".join(message.split()))

    def _checked_url(self, url: str | httpx.URL) -> httpx.URL:
        try:
            scheme = urlsplit(str(url)).scheme.lower()
        except ValueError as exc:  # "http://[::1": an unclosed IPv6 literal
            raise _Stop("invalid_url", f"invalid URL: {exc}: {url}") from None
        if scheme not in ALLOWED_SCHEMES:
            raise _Stop("blocked_scheme", f"scheme {scheme or '(none)'!r} is not allowed")
        try:
            parsed = httpx.URL(str(url))
        except httpx.InvalidURL as exc:  # "http://0177.0.0.1/" (octal IPv4), "http://[::1"
            raise _Stop("invalid_url", f"invalid URL: {exc}: {url}") from None
        if not parsed.host:
            raise _Stop("invalid_url", f"URL has no host: {url}")
        if not _HOST_CHARS.fullmatch(parsed.raw_host.decode("ascii")):  # "exa mple.com"
            raise _Stop("invalid_url", f"invalid host in URL: {url}")
        if parsed.port is not None and not 0 < parsed.port < 65536:
            raise _Stop("invalid_url", f"port {parsed.port} out of range in URL: {url}")
        return parsed

    def _read_body(self, resp: httpx.Response, max_bytes: int) -> bytes:
        length = resp.headers.get("content-length", "")
        if length.strip().isdigit() and int(length) > max_bytes:
            raise _Stop("too_large", f"body exceeds {max_bytes} bytes (Content-Length {int(length)})")
        body = bytearray()
        encoding = resp.headers.get("content-encoding", "").strip().lower()
        # gzip/deflate are decoded here rather than by httpx: to cap the *decoded* size while inflating (a bomb
        # never sits in memory), to notice a stream cut before its end marker, and to keep a plain body that is
        # mislabelled as gzip (as feed readers do).
        decoder = _Inflater(encoding, max_bytes) if encoding in ("gzip", "x-gzip", "deflate") else None
        chunks = resp.iter_raw() if decoder else resp.iter_bytes()
        for i, chunk in enumerate(chunks):
            if decoder and i == 0 and chunk and not _looks_compressed(chunk):
                decoder = None  # not compressed after all: take the bytes as they are
            body += decoder.feed(chunk, max_bytes - len(body)) if decoder else chunk
            if len(body) > max_bytes:
                raise _Stop("too_large", f"body exceeds {max_bytes} bytes")
            if self._deadline.remaining() <= 0:
                raise _Stop("timeout", f"exceeded total timeout of {self.settings.total_timeout_s}s")
        if decoder:
            decoder.finish()
        return bytes(body)

    def get_many(self, urls: list[str], *, max_bytes: int,
                 validators: dict[str, tuple[str | None, str | None]] | None = None,
                 deadline: float | None = None) -> list[FetchResult | None]:
        """Fetch concurrently; at most per_host_concurrency requests in flight per host, and request starts
        to one host at least min_host_interval_s apart (except allow-listed hosts). `validators` maps a url to
        its (etag, last_modified) for a conditional GET. No request starts after `deadline` (a time.time()
        value): requests in flight finish, and the urls not started get None.

        A dispatcher hands work to the pool only when the URL's host has a free slot and its interval has
        passed, so no worker thread ever sits blocked waiting for a busy host.
        """
        results: list[FetchResult | None] = [None] * len(urls)
        queues: dict[str, deque[int]] = {}
        for i, u in enumerate(urls):
            queues.setdefault(_host_of(u), deque()).append(i)
        workers = max(1, self.settings.fetch_workers)
        per_host = max(1, self.settings.per_host_concurrency)
        # Hosts on the allow-list are the operator's own servers (the demo, a local mirror): no delay for them.
        own_hosts = self._own_hosts
        interval = max(0.0, self.settings.min_host_interval_s)
        in_flight: Counter[str] = Counter()
        next_start: dict[str, float] = {}
        running: dict = {}
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="radar-fetch") as pool:
            while queues or running:
                if deadline is not None and queues and time.time() >= deadline:
                    queues.clear()  # the run's time is up: what has not started waits for a later run
                now = time.monotonic()
                for host in list(queues):  # one URL per host per pass: round-robin
                    if len(running) >= workers:
                        break
                    if in_flight[host] < per_host and next_start.get(host, 0.0) <= now:
                        i = queues[host].popleft()
                        if not queues[host]:
                            del queues[host]
                        in_flight[host] += 1
                        next_start[host] = now + (0.0 if host in own_hosts else interval)
                        etag, last_modified = (validators or {}).get(urls[i], (None, None))
                        running[pool.submit(self.get, urls[i], max_bytes=max_bytes, etag=etag,
                                            last_modified=last_modified)] = (i, host)
                # Sleep until something can change: a request finishes (frees a slot) or the earliest waiting
                # host's interval ends (computed, never a fixed polling tick); never past the run's deadline.
                # With every worker busy only a finishing request helps: a host that is ready would make this
                # loop spin, holding the GIL the fetching threads and the flow need.
                free_worker = len(running) < workers
                ready_in = [next_start.get(h, 0.0) - now for h in queues if free_worker and in_flight[h] < per_host]
                if deadline is not None and queues:
                    ready_in.append(deadline - time.time())
                until = max(0.0, min(ready_in)) if ready_in else None  # None: only a finishing request helps
                if not running:
                    time.sleep(until or 0.0)  # nothing in flight: some host is free once its interval ends
                    continue
                done, _ = wait(running, timeout=until, return_when=FIRST_COMPLETED)
                for future in done:
                    i, host = running.pop(future)
                    in_flight[host] -= 1
                    results[i] = future.result()
        return results

    def robots_refusal(self, url: str) -> tuple[str, str] | None:
        """None when robots.txt of the url's origin lets our user agent fetch it (cached per origin for this
        fetcher), else (error_kind, reason):

        * ``robots_disallowed``: robots.txt forbids it (permanent);
        * ``robots_unreachable``: robots.txt cannot be read now (5xx, timeout, DNS, connection): RFC 9309 asks
          to disallow for now, and the page is tried again later (transient);
        * ``invalid_url``: the url's origin cannot even be parsed.

        A missing robots.txt (4xx) allows everything.
        """
        try:
            parts = urlsplit(url)
            origin = f"{parts.scheme}://{parts.netloc}"
        except ValueError as exc:  # "http://[::1"
            return "invalid_url", f"invalid URL: {exc}: {url}"
        with self._robots_lock:
            rules: Protego | tuple[str, str] | None = self._robots.get(origin)
        if rules is None:
            rules = self._read_robots(origin)
            with self._robots_lock:
                self._robots[origin] = rules
        if isinstance(rules, tuple):
            return rules
        if rules.can_fetch(url, self.settings.user_agent):
            return None
        return "robots_disallowed", "disallowed by robots.txt"

    def _read_robots(self, origin: str) -> Protego | tuple[str, str]:
        """The origin's robots.txt rules, or the refusal (kind, message) when they cannot be read."""
        result = self.get(f"{origin}/robots.txt", max_bytes=ROBOTS_MAX_BYTES)
        if result.ok:
            return Protego.parse(result.content.decode("utf-8", errors="replace"))
        if result.status is not None and 400 <= result.status < 500:
            return ALLOW_ALL
        if result.error_kind in ("blocked_address", "blocked_scheme"):
            return ALLOW_ALL  # the page fetch itself is refused the same way, and recorded with that reason
        if result.error_kind == "invalid_url":
            return "invalid_url", result.error or "invalid URL"
        return "robots_unreachable", f"robots.txt unavailable ({result.error})"

def _last_result(state: RetryCallState) -> FetchResult:
    """tenacity's retry_error_callback: out of attempts, the last attempt's result is the answer."""
    assert state.outcome is not None  # tenacity calls back after an attempt, never before
    return state.outcome.result()


class _NoTimeForAnother(stop_base):
    """Stop retrying when the next attempt would start too close to the call's total deadline."""

    def __init__(self, deadline: _Deadline):
        self.deadline = deadline

    def __call__(self, state: RetryCallState) -> bool:  # tenacity computes the wait before asking whether to stop
        return self.deadline.remaining() - state.upcoming_sleep < 0.1


ALLOW_ALL = Protego.parse("")  # an empty robots.txt allows everything


_GZIP_MAGIC = b"\x1f\x8b"


class _Inflater:
    """Decodes a gzip or zlib body, every gzip member of it: RFC 1952 lets a body be several members one after
    another (zlib's decoder stops at the end of the first). The decoded size is capped across all members, so a
    bomb split over many members stops at the cap too. Bytes after the last member that do not start another
    one are ignored, as before."""

    def __init__(self, encoding: str, max_bytes: int):
        self._encoding, self._max_bytes = encoding, max_bytes
        self._decoder = zlib.decompressobj(wbits=47)  # gzip or zlib, told apart by the header
        self._head = b""                # the body's first two bytes: gzip (members follow) or zlib (one stream)
        self._held = b""                # a member boundary split across chunks: the next member's first byte
        self._trailer = False           # after the last member: what follows is not ours to decode
        self._fed = False

    def feed(self, data: bytes, room: int) -> bytes:
        """Decoded bytes of ``data``; raises _Stop when they would exceed ``room`` (what is left of the cap)."""
        if len(self._head) < 2:
            self._head = (self._head + data)[:2]
        out = bytearray()
        data, self._held = self._held + data, b""
        while data and not self._trailer:
            if self._decoder.eof:  # one member ended and bytes follow: another member, or a trailer
                if len(data) < len(_GZIP_MAGIC) and _GZIP_MAGIC.startswith(data):
                    self._held = data  # wait for the next chunk to tell
                    break
                if not (self._head == _GZIP_MAGIC and data.startswith(_GZIP_MAGIC)):
                    self._trailer = True
                    break
                self._decoder = zlib.decompressobj(wbits=31)
            self._fed = True
            try:
                out += self._decoder.decompress(data, room + 1 - len(out))
            except zlib.error as exc:
                raise _Stop("protocol", f"cannot decode {self._encoding} body: {exc}") from None
            if len(out) > room:
                raise _Stop("too_large", f"body exceeds {self._max_bytes} bytes after decompression")
            data = self._decoder.unused_data if self._decoder.eof else self._decoder.unconsumed_tail
        return bytes(out)

    def finish(self) -> None:
        """At the end of the body: a member cut before its end marker fails the fetch."""
        if (self._fed and not self._decoder.eof) or self._held:
            raise _Stop("protocol", f"{self._encoding} body ends before its end-of-stream marker (truncated)")


def _looks_compressed(chunk: bytes) -> bool:
    """A gzip member starts 1f 8b; a zlib stream's first two bytes form a multiple of 31 with method 8."""
    return chunk[:2] == b"\x1f\x8b" or (len(chunk) >= 2 and chunk[0] & 0x0F == 8
                                      and (chunk[0] << 8 | chunk[1]) % 31 == 0)
ROBOTS_MAX_BYTES = 512 * 1024


def _host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""

"""A small misbehaving HTTP server on 127.0.0.1 for client tests.

    with FaultServer(root_dir=corpus_dir) as srv:
        fetcher.get(srv.base_url + "/ok", ...)
        fetcher.get(srv.url("feeds/a.xml"), ...)     # a file under root_dir

Fault routes: /ok /404 /500 /503 /hang /drip /drip-headers /reset /truncated
/redirect-loop /redirect-chain/N /redirect-to-private /redirect-to?to=URL /gzip-bomb
/big (?nolength=1 for a close-delimited body) /etag /echo-headers /slow?ms=N.
More: /429 (Retry-After) /rst (TCP reset: RST instead of a response) /png (a PNG as image/png)
/empty (200, zero-byte body) /as-gzip/PATH (a root_dir file sent verbatim with Content-Encoding: gzip)
/delay/MS/PATH (a root_dir file, after MS milliseconds).
Any other path is served from ``root_dir`` (404 without one).
``srv.answer(path, status, body, headers, delay_s)`` makes any path answer that way until ``srv.answer(path, None)``
(e.g. a robots.txt that fails with 500, then recovers); with ``times=N`` only the next N requests do.
``FaultServer(ssl_context=...)`` serves the same routes over https.
Every request is recorded in ``.requests`` as (path, headers dict).
"""
from __future__ import annotations

import functools
import gzip
import json
import socket
import ssl
import struct
import threading
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

BIG_SIZE = 50 * 1024 * 1024
_CHUNK = 64 * 1024
_bomb_lock = threading.Lock()
_bomb: bytes | None = None
# A valid 1x1 PNG.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def gzip_bomb() -> bytes:
    """gzip of 50 MB of zeros (~50 KB), built once per process."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            _bomb = gzip.compress(bytes(BIG_SIZE), compresslevel=9)
        return _bomb


class _Handler(SimpleHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection; bodies may be close-delimited

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", {"Location": location})

    def _send_file(self, relative: str, headers: dict | None = None) -> None:
        """A file under root_dir, bytes as they are on disk (no content sniffing, no decoding)."""
        root = self.server.root_dir.resolve()
        target = (root / relative).resolve()
        if root not in target.parents or not target.is_file():
            self._send(404, b"not found")
            return
        ctype = self.guess_type(str(target))
        self._send(200, target.read_bytes(), {"Content-Type": ctype, **(headers or {})})

    def do_GET(self):
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        self.server.record(path, dict(self.headers.items()))
        stop = self.server.stopping
        try:
            override = self.server.take_override(path)
            if override is not None:
                status, body, headers, delay_s = override
                stop.wait(delay_s)
                self._send(status, body, headers)
            elif path == "/ok":
                self._send(200, b"hello world", {"Content-Type": "text/plain"})
            elif path == "/404":
                self._send(404, b"nope")
            elif path == "/500":
                self._send(500, b"boom")
            elif path == "/503":
                self._send(503, b"busy", {"Retry-After": "7"})
            elif path == "/hang":
                stop.wait(30)
            elif path == "/drip":  # valid headers, then 1 body byte per second
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.flush()
                while not stop.is_set():
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    stop.wait(1.0)
            elif path == "/drip-headers":  # never-ending header block, 1 byte per 0.3 s
                self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
                while not stop.is_set():
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    stop.wait(0.3)
            elif path == "/reset":  # read the request, close without any response
                self.close_connection = True
            elif path == "/truncated":
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.write(b"only a little")
                self.close_connection = True
            elif path == "/redirect-loop":
                self._redirect("/redirect-loop")
            elif path.startswith("/redirect-chain/"):
                n = int(path.rsplit("/", 1)[1])
                if n > 0:
                    self._redirect(str(n - 1))  # relative Location: resolved by the client
                else:
                    self._send(200, b"end of chain")
            elif path == "/redirect-to-private":
                self._redirect("http://10.0.0.1/")
            elif path == "/redirect-to":
                self._redirect(query["to"][0])
            elif path == "/gzip-bomb":
                self._send(200, gzip_bomb(), {"Content-Encoding": "gzip", "Content-Type": "text/plain"})
            elif path == "/big":
                self.send_response(200)
                if "nolength" not in query:
                    self.send_header("Content-Length", str(BIG_SIZE))
                self.end_headers()
                chunk = bytes(_CHUNK)
                for _ in range(BIG_SIZE // _CHUNK):
                    if stop.is_set():
                        break
                    self.wfile.write(chunk)
            elif path == "/429":
                self._send(429, b"slow down", {"Retry-After": "5", "Content-Type": "text/plain"})
            elif path == "/rst":  # read the request, then abort the connection: the client sees a TCP RST
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()  # no shutdown() first: that would send a FIN before the RST
                self.close_connection = True
            elif path == "/png":
                self._send(200, PNG_1X1, {"Content-Type": "image/png"})
            elif path == "/empty":
                self._send(200, b"", {"Content-Type": "application/rss+xml"})
            elif path.startswith("/as-gzip/") and self.server.root_dir is not None:
                self._send_file(path.removeprefix("/as-gzip/"), {"Content-Encoding": "gzip"})
            elif path.startswith("/delay/") and self.server.root_dir is not None:
                ms, _, rest = path.removeprefix("/delay/").partition("/")
                stop.wait(int(ms) / 1000)
                self._send_file(rest)
            elif path == "/etag":
                etag, last_modified = '"v1"', "Wed, 01 Jan 2025 00:00:00 GMT"
                validators = {"ETag": etag, "Last-Modified": last_modified}
                if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == last_modified:
                    self.send_response(304)
                    for name, value in validators.items():
                        self.send_header(name, value)
                    self.end_headers()
                else:
                    self._send(200, b"fresh content", validators)
            elif path == "/echo-headers":
                self._send(200, json.dumps(dict(self.headers.items())).encode(), {"Content-Type": "application/json"})
            elif path == "/slow":
                host = self.headers.get("Host", "")
                self.server.enter(host)
                try:
                    stop.wait(int(query.get("ms", ["200"])[0]) / 1000)
                finally:
                    self.server.leave(host)
                self._send(200, path.encode() + b"?" + parts.query.encode())
            elif self.server.root_dir is not None:
                super().do_GET()
            else:
                self._send(404, b"not found")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # a whole flow run connects at once; the default backlog (5) drops SYNs

    def __init__(self, root_dir: Path | None):
        self.root_dir = root_dir
        self.stopping = threading.Event()
        self.requests: list[tuple[str, dict]] = []
        self.overrides: dict[str, tuple[int, bytes, dict, float]] = {}
        self.override_times: dict[str, int] = {}  # path -> requests left before its override ends
        self._lock = threading.Lock()
        self.active: Counter[str] = Counter()
        self.max_active: Counter[str] = Counter()
        handler = functools.partial(_Handler, directory=str(root_dir or "."))
        super().__init__(("127.0.0.1", 0), handler)

    def take_override(self, path: str) -> tuple[int, bytes, dict, float] | None:
        with self._lock:
            override = self.overrides.get(path)
            if override is not None and path in self.override_times:
                self.override_times[path] -= 1
                if self.override_times[path] <= 0:
                    del self.overrides[path], self.override_times[path]
            return override

    def record(self, path: str, headers: dict) -> None:
        with self._lock:
            self.requests.append((path, headers))

    def enter(self, host: str) -> None:
        with self._lock:
            self.active[host] += 1
            self.max_active[host] = max(self.max_active[host], self.active[host])

    def leave(self, host: str) -> None:
        with self._lock:
            self.active[host] -= 1


class FaultServer:
    """``ssl_context`` (a server-side ssl.SSLContext) serves the same routes over https."""

    def __init__(self, root_dir: str | Path | None = None, ssl_context: ssl.SSLContext | None = None):
        self._server = _Server(Path(root_dir) if root_dir is not None else None)
        self.port = self._server.server_address[1]
        scheme = "http"
        if ssl_context is not None:  # handshake later, in the handler thread, not in accept()
            self._server.socket = ssl_context.wrap_socket(
                self._server.socket, server_side=True, do_handshake_on_connect=False)
            scheme = "https"
        self.base_url = f"{scheme}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    @property
    def requests(self) -> list[tuple[str, dict]]:
        return list(self._server.requests)

    @property
    def max_active(self) -> Counter:
        return self._server.max_active

    def answer(self, path: str, status: int | None, body: bytes = b"", headers: dict | None = None,
               delay_s: float = 0.0, times: int | None = None) -> None:
        """From now on answer `path` with this status and body (after `delay_s`), the next `times` requests only if
        given; status None undoes it."""
        with self._server._lock:
            self._server.override_times.pop(path, None)
            if status is None:
                self._server.overrides.pop(path, None)
                return
            self._server.overrides[path] = (status, body, headers or {}, delay_s)
            if times is not None:
                self._server.override_times[path] = times

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def stop(self) -> None:
        self._server.stopping.set()  # releases /hang, /drip, /slow handlers
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

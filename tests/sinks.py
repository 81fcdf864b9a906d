"""Alert receivers on loopback for tests: a JSON webhook (can answer 500, be slow, redirect or be down), an SMTP
sink and a UDP (syslog) sink, and a safety net that keeps any test packet from leaving the machine.

    with WebhookSink() as hook, SmtpSink() as mail, UdpSink("127.0.0.2") as syslog:
        settings = Settings(alert_urls=(hook.apprise_url, mail.apprise_url), allow_hosts=("127.0.0.1",))
        ...
        hook.messages      # JSON bodies Apprise posted and we answered 2xx to
        hook.attempts      # every request as it arrived: path, status, body, headers (before any delay)
        hook.status = 500  # answer every request with this status (requests are still recorded in .attempts)
        hook.delay = 60    # wait this long before answering (cut short by hook.down())
        hook.redirect_to = "http://127.0.0.2:9/x"   # answer 307 with this Location
        hook.down()        # close the port: connections are refused; hook.up() reopens the same port
        mail.messages      # email.message.EmailMessage objects
        syslog.messages    # datagrams received (bytes)
"""
from __future__ import annotations

import contextlib
import ipaddress
import json
import socket
import sys
import threading
import time
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


class WebhookSink:
    def __init__(self, status: int = 200, host: str = LOOPBACK):
        self.status, self.host = status, host
        self.delay = 0.0                 # seconds to wait before answering
        self.redirect_to: str | None = None
        self.attempts: list[dict] = []   # every request: {"path", "status", "body", "headers", "at"}
        self.messages: list[dict] = []   # JSON bodies of requests answered 2xx
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def apprise_url(self) -> str:
        return f"json://{self.host}:{self.port}/hook"

    @property
    def http_url(self) -> str:
        return f"http://{self.host}:{self.port}/hook"

    def _handler(self):
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {"raw": raw.decode("utf-8", "replace")}
                status = 307 if sink.redirect_to else sink.status
                with sink._lock:
                    sink.attempts.append({"path": self.path, "status": status, "body": body,
                                          "headers": dict(self.headers), "at": time.time()})
                if sink.delay and sink._stop.wait(sink.delay):
                    return  # the sink is going down: no answer
                with sink._lock:
                    if 200 <= status < 300:
                        sink.messages.append(body)
                self.send_response(status)
                if sink.redirect_to:
                    self.send_header("location", sink.redirect_to)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format, *args):  # noqa: A002
                pass

        return Handler

    def up(self) -> WebhookSink:
        self._stop.clear()
        server = ThreadingHTTPServer((self.host, self.port), self._handler())
        server.daemon_threads = True
        self._server, self.port = server, server.server_address[1]
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="webhook-sink", daemon=True)
        self._thread.start()
        return self

    def down(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self) -> WebhookSink:
        return self.up()

    def __exit__(self, *exc) -> None:
        self.down()


class SmtpSink:
    """aiosmtpd on 127.0.0.1 (plain SMTP, no auth): use with mode=insecure."""

    def __init__(self):
        self.messages = []
        self._controller = None
        self.port = 0

    @property
    def apprise_url(self) -> str:
        return f"mailto://{LOOPBACK}:{self.port}?from=bot@example.com&to=ops@example.com&mode=insecure"

    def __enter__(self) -> SmtpSink:
        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802
                sink.messages.append(message_from_bytes(envelope.original_content or envelope.content,
                                                        policy=policy.default))
                return "250 OK"

        self.port = free_port()
        self._controller = Controller(Handler(), hostname=LOOPBACK, port=self.port)
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def texts(self) -> list[str]:
        """Subject plus plain-text (or HTML) body of every message."""
        out = []
        for msg in self.messages:
            part = msg.get_body(preferencelist=("plain", "html"))
            out.append(f"{msg['subject']}\n{part.get_content() if part else ''}")
        return out


class UdpSink:
    """A syslog receiver: a UDP socket on a loopback address (127.0.0.2 is loopback too, but not 127.0.0.1, so a
    test can leave it off the allow-list) that keeps every datagram it receives."""

    def __init__(self, host: str = LOOPBACK):
        self.host, self.port = host, 0
        self.messages: list[bytes] = []
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    @property
    def apprise_url(self) -> str:
        return f"rsyslog://{self.host}:{self.port}"

    def _receive(self) -> None:
        while True:
            try:
                data, _ = self._sock.recvfrom(65535)
            except OSError:  # closed
                return
            self.messages.append(data)

    def __enter__(self) -> UdpSink:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind((self.host, 0))
        self.port = self._sock.getsockname()[1]
        self._thread = threading.Thread(target=self._receive, name="udp-sink", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._sock.close()
        self._thread.join(timeout=5)

    def wait_for(self, n: int, seconds: float = 5.0) -> list[bytes]:
        """Datagrams may land a moment after sendto returns: wait (bounded) for n of them."""
        deadline = time.monotonic() + seconds
        while len(self.messages) < n and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.messages


# --------------------------------------------------------------------------- the safety net

_net = {"on": False, "stopped": []}
_net_installed = False


def _net_hook(event: str, args: tuple) -> None:
    if not _net["on"] or event not in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        return
    address = args[1] if len(args) > 1 else None
    if address is None:
        return
    host = address[0] if isinstance(address, tuple) and address else address
    try:
        if ipaddress.ip_address(str(host).split("%")[0]).is_loopback:
            return
    except ValueError:
        pass
    _net["stopped"].append((event, address))
    raise PermissionError(f"test safety net: {event} to {address} would leave the machine")


@contextlib.contextmanager
def nothing_leaves_the_machine():
    """Any connect/sendto/sendmsg to an address that is not a loopback literal raises, and is listed in the yielded
    list. It is installed after radar's alert guard, so radar refuses first: a test asserts the list stays empty
    (the guard refused before sending) and no packet ever leaves, even when the guard under test is broken."""
    global _net_installed
    from alerts import outbox as alerts

    alerts._install_guard()  # radar's hook first (audit hooks run in the order they were added)
    if not _net_installed:
        sys.addaudithook(_net_hook)
        _net_installed = True
    _net["stopped"] = []
    _net["on"] = True
    try:
        yield _net["stopped"]
    finally:
        _net["on"] = False

"""Alert receivers on 127.0.0.1 for tests: a JSON webhook (can answer 500 or be down) and an SMTP sink.

    with WebhookSink() as hook, SmtpSink() as mail:
        settings = Settings(alert_urls=(hook.apprise_url, mail.apprise_url), allow_hosts=("127.0.0.1",))
        ...
        hook.messages      # JSON bodies Apprise posted and we answered 2xx to
        hook.status = 500  # answer every request with this status (requests are still recorded in .attempts)
        hook.down()        # close the port: connections are refused; hook.up() reopens the same port
        mail.messages      # email.message.EmailMessage objects
"""
from __future__ import annotations

import json
import socket
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
    def __init__(self, status: int = 200):
        self.status = status
        self.attempts: list[dict] = []   # every request: {"path", "status", "body", "at"}
        self.messages: list[dict] = []   # JSON bodies of requests answered 2xx
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def apprise_url(self) -> str:
        return f"json://{LOOPBACK}:{self.port}/hook"

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
                status = sink.status
                with sink._lock:
                    sink.attempts.append({"path": self.path, "status": status, "body": body, "at": time.time()})
                    if 200 <= status < 300:
                        sink.messages.append(body)
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format, *args):  # noqa: A002
                pass

        return Handler

    def up(self) -> "WebhookSink":
        server = ThreadingHTTPServer((LOOPBACK, self.port), self._handler())
        server.daemon_threads = True
        self._server, self.port = server, server.server_address[1]
        self._thread = threading.Thread(target=server.serve_forever, name="webhook-sink", daemon=True)
        self._thread.start()
        return self

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self) -> "WebhookSink":
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

    def __enter__(self) -> "SmtpSink":
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

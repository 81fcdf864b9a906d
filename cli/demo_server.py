"""A static file server on 127.0.0.1 (ephemeral port) for the offline demo and the tests."""
from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".xml": "application/xml", ".html": "text/html"}

    def log_message(self, format, *args):  # noqa: A002 - keep the demo's output clean
        pass


@contextmanager
def serve_directory(root: Path | str) -> Iterator[str]:
    """Serve `root` read-only; yields the base url, e.g. http://127.0.0.1:40123."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    # shutdown() waits for the loop to look again: every 0.5 s by default, half a second added to each demo run
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="radar-demo-server",
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

"""The report rendered by headless Chromium: charts draw, the filter works, hostile text never runs or fetches.

Needs /usr/bin/chromium (Debian package `chromium`); skipped without it. Also a tool for `make report-screenshot`:

    python tests/test_report_browser.py REPORT.html OUT.png
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs headless Chromium at /usr/bin/chromium (apt-get install -y chromium)",
)


def chromium_command(url: str, user_data_dir: Path, *extra: str) -> list[str]:
    return [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={user_data_dir}",
        # Nothing but loopback resolves: a request anywhere else fails instead of leaving the machine.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--enable-logging=stderr", "--v=0", *extra, url,
    ]


def render(html_file: Path, *, fragment: str = "", screenshot: Path | None = None,
           timeout: float = 120) -> tuple[str, str]:
    """(stdout, stderr) of Chromium on the file: the DOM after load (`--dump-dom`), or a PNG screenshot."""
    with tempfile.TemporaryDirectory(prefix="radar-chromium-") as profile:
        extra = ([f"--screenshot={screenshot}", "--window-size=1280,2000", "--hide-scrollbars"] if screenshot
                 else ["--dump-dom"])
        url = html_file.resolve().as_uri() + fragment
        done = subprocess.run(chromium_command(url, Path(profile), *extra), capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout, done.stderr


class _Dom(HTMLParser):
    """Per <svg>: how many elements it contains; root attributes; rows of the events table; a few texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pwned = False
        self.svg_children: list[int] = []
        self.svg_depth = 0
        self.root_attrs: dict = {}
        self.title = ""
        self.event_rows: list[dict] = []
        self.in_events = False
        self.counter = ""
        self._text_target: str | None = None
        self.body_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.pwned |= "data-pwned" in attrs
        if tag == "html":
            self.root_attrs = attrs
        if self.svg_depth:
            self.svg_children[-1] += 1
        if tag == "svg":
            if not self.svg_depth:
                self.svg_children.append(0)
            self.svg_depth += 1
        if tag == "table" and attrs.get("id") == "events-table":
            self.in_events = True
        if tag == "tr" and self.in_events and "data-type" in attrs:
            self.event_rows.append(attrs)
        if tag == "title" and not self.svg_depth:
            self._text_target = "title"
        if tag == "span" and attrs.get("id") == "qcount":
            self._text_target = "counter"

    def handle_startendtag(self, tag, attrs):
        self.pwned |= "data-pwned" in dict(attrs)
        if self.svg_depth:
            self.svg_children[-1] += 1

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        if tag == "table":
            self.in_events = False
        if tag in ("title", "span"):
            self._text_target = None

    def handle_data(self, data):
        if self._text_target == "title":
            self.title += data
        elif self._text_target == "counter":
            self.counter += data
        self.body_text.append(data)


def _dom(text: str) -> _Dom:
    dom = _Dom()
    dom.feed(text)
    dom.close()
    return dom


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server API
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@contextmanager
def recording_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request: hostile markup points its loads here."""
    handler = type("Recorder", (_Recorder,), {"hits": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def rendered_report(tmp_path):
    from report import page as report
    from tests.test_report import hostile_warehouse

    with recording_server() as (base, hits):
        warehouse = hostile_warehouse(tmp_path / "radar.duckdb", leak_base=base)
        html_file = report.write_report(warehouse, tmp_path / "report.html")
        yield html_file, hits, base


@needs_chromium
def test_charts_draw_and_hostile_text_stays_text(rendered_report):
    html_file, hits, _ = rendered_report
    out, log = render(html_file)
    dom = _dom(out)
    assert dom.root_attrs.get("data-report-ready") == "1", "the report's own script did not run (CSP hash?)"
    assert dom.root_attrs.get("data-report-css") == "1", "the report's stylesheet was not applied (CSP hash?)"
    assert not dom.pwned, "injected markup ran"
    assert dom.title == "AI Industry Radar report"
    assert len(dom.svg_children) >= 4 and all(n > 0 for n in dom.svg_children), dom.svg_children
    assert max(dom.svg_children) >= 20
    text = "".join(dom.body_text)
    assert "<script>alert(1)</script>" in text  # shown to the reader as text
    assert "<img src=x onerror=alert(2)>" in text
    assert len(dom.event_rows) == 10 and not any("hidden" in r for r in dom.event_rows)
    assert dom.counter == "10 of 10 events shown"
    assert "Content Security Policy" not in log, log  # nothing on the page even tried what the policy forbids
    assert hits == [], f"the page made requests: {hits}"


@needs_chromium
def test_filter_from_the_url_fragment(rendered_report):
    html_file, hits, _ = rendered_report
    out, _ = render(html_file, fragment="#q=chip%20export")
    dom = _dom(out)
    shown = [r for r in dom.event_rows if "hidden" not in r]
    assert [r["data-type"] for r in shown] == ["policy"]
    assert dom.counter == "1 of 10 events shown"
    assert hits == []


@needs_chromium
def test_csp_blocks_markup_that_escaping_would_have_missed(rendered_report):
    """Second line of defense: inject raw markup into the finished file; the policy stops it running or loading."""
    html_file, hits, leak = rendered_report
    injected = (f"<script>document.documentElement.setAttribute('data-pwned','script')</script>"
                f"<img src=\"{leak}/pixel.png\" onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
                f"<link rel=\"stylesheet\" href=\"{leak}/style.css\"><iframe src=\"{leak}/frame\"></iframe>")
    tampered = html_file.with_name("tampered.html")
    tampered.write_text(html_file.read_text(encoding="utf-8").replace("</main>", injected + "</main>"),
                        encoding="utf-8")
    out, log = render(tampered)
    dom = _dom(out)
    assert not dom.pwned, "injected markup ran"
    assert dom.root_attrs.get("data-report-ready") == "1"
    assert "Content Security Policy" in log
    assert hits == [], f"the page made requests: {hits}"


@needs_chromium
def test_screenshot(rendered_report, tmp_path):
    html_file, _, _ = rendered_report
    png = tmp_path / "report.png"
    render(html_file, screenshot=png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python tests/test_report_browser.py REPORT.html OUT.png")
    if not CHROMIUM.exists():
        sys.exit(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    render(Path(sys.argv[1]), screenshot=Path(sys.argv[2]).resolve())
    print(f"screenshot written to {Path(sys.argv[2]).resolve()}")

"""Shared fixtures: paths to ../shared, loopback servers, a fresh warehouse per test."""
from __future__ import annotations

import html
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest

from tests.prefect_server import SessionServer, wait_until_healthy

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Runs that test Prefect's temporary server (tests/prefect_server.py) start it on a fresh database: about 20 s on an
# idle 2-core box, but over 120 s (Prefect's limit here before) was seen with a load average of 20.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
# The CLI tests read rich tables whole. With no terminal (xdist workers, CI) rich falls back to 80 columns and wraps
# cells; a wide console, as on a developer's terminal, keeps each row on one line.
os.environ["COLUMNS"] = "200"

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_DIR = SHARED / "seed"
CORPUS = SHARED / "corpus"
DEMO = REPO / "demo"

_session_server: SessionServer | None = None


def _start_session_server() -> None:
    global _session_server
    _session_server = SessionServer()
    os.environ["PREFECT_API_URL"] = _session_server.url  # before anything imports prefect, and for subprocesses


def pytest_configure(config):
    """Start the session's Prefect server (tests/prefect_server.py says why), unless a server is named already: a
    developer's own, or the controller's for an xdist worker (workers inherit its environment). An xdist controller
    starts it before its workers collect, so that it boots meanwhile; a run in one process starts it after collection,
    and only if the collected tests import Prefect (`pytest tests/test_extract.py` needs none: ~30 s of CPU saved)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:  # tests of the temporary-server path start servers on PREFECT_HOME's database: one per worker
        os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix=f"radar-tests-prefect-{worker}-")
    if not os.environ.get("PREFECT_API_URL") and getattr(config.option, "numprocesses", None):
        _start_session_server()


def pytest_unconfigure(config):
    if _session_server is not None:
        _session_server.stop()


# The tests that take a minute or more (real radar processes, kills, slow servers), longest first. They are handed
# out first, spread over the xdist workers, so that none of them is left running alone at the end of the session.
LONG_TESTS = (
    "tests/test_bench.py::test_bench_runs", "tests/test_crash_consistency.py", "tests/test_stop.py",
    "tests/test_landing.py", "tests/test_backfill.py", "tests/test_alerts.py", "tests/test_concurrent_sql.py",
    "tests/test_properties.py", "tests/test_feed_text.py", "tests/test_serve.py", "tests/test_shards.py",
    "tests/test_demo.py", "tests/test_writer_lock.py",
)


def _module_fixture(item) -> str | None:
    """The first module-scoped fixture the test uses, as "module::fixture"."""
    info = getattr(item, "_fixtureinfo", None)
    for name in info.names_closure if info else ():
        defs = info.name2fixturedefs.get(name)
        if defs and defs[-1].scope == "module":
            return f"{item.module.__name__}::{name}"
    return None


@pytest.hookimpl(tryfirst=True)  # before xdist's own, which reads the xdist_group marks to name the groups
def pytest_collection_modifyitems(config, items):
    def rank(item) -> int:
        return next((i for i, prefix in enumerate(LONG_TESTS) if item.nodeid.startswith(prefix)), len(LONG_TESTS))

    items.sort(key=rank)  # stable: every other test keeps its order
    # A module-scoped fixture (the demo run, the corpus runs, the landing batches: 10-20 s of CPU each) is built
    # once per xdist worker that runs one of its tests: the tests sharing one go to the same worker
    # (`--dist loadgroup`; measured: the slow corpus run was built three times, in each worker).
    for item in items:
        group = _module_fixture(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def pytest_collection_finish(session):
    """Wait for the Prefect API once the tests are collected, outside every test's timeout: under load the boot takes
    longer than a short module's hang guard."""
    if not os.environ.get("PREFECT_API_URL"):
        if "prefect" not in sys.modules:
            return  # (a test that starts `radar` would start Prefect's temporary server, as a user's run does)
        _start_session_server()
    wait_until_healthy(os.environ["PREFECT_API_URL"], _session_server)


needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason="needs ../shared (seed article and test corpus), which only the project's CI checkout has beside the repo",
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "radar.duckdb"


def seed_article() -> tuple[str, str, dict]:
    """The seed article's title and body (read from ../shared, never copied here) and its expected events."""
    expected = json.loads((SEED_DIR / "expected.json").read_text(encoding="utf-8"))
    text = (SEED_DIR / expected["article"]).read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    return title.strip(), body, expected


def article_html(title: str, body: str, site: str = "Seed Times") -> str:
    """Wrap plain text in a news-page template with navigation and footer boilerplate."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta property="og:site_name" content="{site}"></head><body>
<header><nav><a href="/">Home</a> <a href="/ai">AI</a> <a href="/markets">Markets</a></nav></header>
<main><article><h1>{html.escape(title)}</h1>{paragraphs}</article></main>
<footer><p>© 2025 {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>"""


def rss(items: list[dict], title: str = "Test feed") -> str:
    entries = "\n".join(
        f"<item><title>{html.escape(i['title'])}</title><link>{i['link']}</link>"
        f"<guid>{i['link']}</guid><pubDate>{i['date']}</pubDate></item>" for i in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>/</link><description>t</description>{entries}</channel></rss>")

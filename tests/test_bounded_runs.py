"""Bounded runs: a per-feed cap on the pages fetched in one run (oldest entries first, the rest wait, nothing is
lost) and a run deadline after which no page fetch starts. Real flow runs against a server on 127.0.0.1."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from config.settings import Settings
from sources.feeds import Feed
from tests.conftest import rss
from tests.fault_server import FaultServer
from warehouse import db, stages

pytestmark = pytest.mark.timeout(900)  # hang guard (Prefect's first start included), never a speed check

BASE = datetime(2025, 1, 1, tzinfo=timezone.utc)


def _date(i: int) -> str:
    return (BASE + timedelta(hours=i)).strftime("%a, %d %b %Y %H:%M:%S GMT")


def _fetched(db_path) -> list[str]:
    return db.query(db_path, "select url from raw.fetches where kind = 'article' order by fetched_at")["url"].to_list()


def _backlog(db_path, feed_url) -> int:
    return db.query(db_path, "select n_backlog from marts.feed_health where feed_url = ?", [feed_url])["n_backlog"][0]


def test_huge_feed_is_worked_through_run_by_run_oldest_first(tmp_path):
    from flows.ingest import ingest

    n_items, cap = 5000, 50
    (tmp_path / "p").mkdir()
    for i in range(n_items):
        (tmp_path / "p" / f"{i}.html").write_text(f"<html><body><p>Page {i}.</p></body></html>", encoding="utf-8")
    with FaultServer(root_dir=tmp_path) as server:
        # Listed newest first, as feeds are: the oldest entries are at the end of the document.
        items = [{"title": f"Item {i}", "link": server.url(f"p/{i}.html"), "date": _date(i)}
                 for i in reversed(range(n_items))]
        (tmp_path / "feed.xml").write_text(rss(items, title="Huge feed"), encoding="utf-8")
        feed_url = server.url("feed.xml")
        settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0.0, max_pages_per_feed=cap)
        db_path = tmp_path / "radar.duckdb"
        oldest = [server.url(f"p/{i}.html") for i in range(n_items)]

        counts = ingest(feeds=[Feed(url=feed_url, name="huge")], db_path=str(db_path), settings=settings, force=True)
        assert counts["n_entries_new"] == n_items
        assert sorted(_fetched(db_path), key=oldest.index) == oldest[:cap]
        assert counts["n_pages_waiting"] == n_items - cap
        assert _backlog(db_path, feed_url) == n_items - cap

        counts = ingest(feeds=[Feed(url=feed_url, name="huge")], db_path=str(db_path), settings=settings, force=True)
        fetched = _fetched(db_path)
        assert len(fetched) == len(set(fetched)) == 2 * cap  # no page twice
        assert sorted(fetched, key=oldest.index) == oldest[: 2 * cap]
        assert _backlog(db_path, feed_url) == n_items - 2 * cap
        # None lost: every entry is either fetched or still waiting.
        waiting = stages.pending_articles(db_path, [feed_url])["url"].to_list()
        assert sorted(waiting + fetched, key=oldest.index) == oldest
        requested = [p for p, _ in server.requests if p.startswith("/p/")]
        assert len(requested) == 2 * cap


def test_no_page_fetch_starts_after_the_deadline(tmp_path):
    """24 links that trickle one byte a second: each takes the whole per-request timeout (2.5 s), two at a time, so
    all of them would take 30 s. With the deadline 4 s away, the requests started before it finish (as timeouts)
    and the rest are not attempted at all: they get no result, hence no fetch row, and stay pending."""
    from flows.ingest import fetch_pages

    n_links = 24
    settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0.0, per_host_concurrency=2,
                        connect_timeout_s=1.0, read_timeout_s=2.0, total_timeout_s=2.5)
    with FaultServer(root_dir=tmp_path) as server:
        links = [server.url(f"drip?n={i}") for i in range(n_links)]
        results = fetch_pages.fn(links, settings, {}, time.time() + 4.0)
        attempted = [r.url for r in results]
        assert 0 < len(attempted) < n_links
        assert attempted == links[: len(attempted)]  # in the order given: the oldest first
        assert {r.error_kind for r in results} == {"timeout"}
        started = [p for p, _ in server.requests if p == "/drip"]
        assert len(started) == len(attempted)


def test_run_past_its_deadline_leaves_every_page_for_the_next_run(tmp_path):
    """A run whose deadline has passed by the time its pages are due fetches none of them, loses none of them, and
    the feed's health shows them waiting; the next run (no deadline) fetches them all."""
    from flows.ingest import ingest

    n_pages = 10
    for i in range(n_pages):
        (tmp_path / f"{i}.html").write_text(f"<html><body><p>Page {i}.</p></body></html>", encoding="utf-8")
    with FaultServer(root_dir=tmp_path) as server:
        items = [{"title": f"Item {i}", "link": server.url(f"{i}.html"), "date": _date(i)} for i in range(n_pages)]
        (tmp_path / "feed.xml").write_text(rss(items, title="Feed"), encoding="utf-8")
        feed = Feed(url=server.url("feed.xml"), name="feed")
        settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0.0, run_deadline_s=0.001)
        db_path = tmp_path / "radar.duckdb"

        counts = ingest(feeds=[feed], db_path=str(db_path), settings=settings, force=True)
        assert counts["n_entries_new"] == n_pages and counts["n_pages_waiting"] == n_pages
        assert _fetched(db_path) == [] and not [p for p, _ in server.requests if p.endswith(".html")]
        assert _backlog(db_path, feed.url) == n_pages
        assert stages.pending_articles(db_path, [feed.url]).height == n_pages

        counts = ingest(feeds=[feed], db_path=str(db_path), settings=replace(settings, run_deadline_s=0), force=True)
        assert sorted(_fetched(db_path)) == sorted(i["link"] for i in items)
        assert counts["n_pages_waiting"] == 0 and _backlog(db_path, feed.url) == 0

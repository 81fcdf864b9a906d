"""Bounded runs: a per-feed cap on the pages fetched in one run (oldest entries first, the rest wait, nothing is
lost) and a run deadline after which no page fetch starts. Real flow runs against a server on 127.0.0.1."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from radar.feeds import Feed
from radar.settings import Settings
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


def test_run_deadline_leaves_the_slow_rest_for_the_next_run(tmp_path):
    """Twelve links that trickle one byte a second: each takes the whole per-request timeout (2.5 s), two at a time,
    so fetching them all would take ~15 s; with a 5 s run deadline, the run stops starting new ones, and the rest
    wait, untouched, for the next run."""
    from flows.ingest import ingest

    n_links = 12
    with FaultServer(root_dir=tmp_path) as server:
        links = [server.url(f"drip?n={i}") for i in range(n_links)]
        items = [{"title": f"Slow {i}", "link": link, "date": _date(i)} for i, link in enumerate(links)]
        (tmp_path / "feed.xml").write_text(rss(items, title="Slow feed"), encoding="utf-8")
        feed_url = server.url("feed.xml")
        settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0.0, per_host_concurrency=2,
                            connect_timeout_s=1.0, read_timeout_s=2.0, total_timeout_s=2.5, run_deadline_s=5.0)
        db_path = tmp_path / "radar.duckdb"

        counts = ingest(feeds=[Feed(url=feed_url, name="slow")], db_path=str(db_path), settings=settings, force=True)
        first = _fetched(db_path)
        assert 0 < len(first) < n_links, first
        assert db.query(db_path, "select distinct error_kind from raw.fetches where kind = 'article'")["error_kind"] \
            .to_list() == ["timeout"]
        assert counts["n_pages_waiting"] == n_links - len(first)
        assert _backlog(db_path, feed_url) == n_links - len(first)
        waiting = stages.pending_articles(db_path, [feed_url])
        assert set(waiting.filter(waiting["n_failed"] == 0)["url"]) == set(links) - set(first)

        ingest(feeds=[Feed(url=feed_url, name="slow")], db_path=str(db_path), settings=settings, force=True)
        second = _fetched(db_path)[len(first):]
        # The timed-out ones are in their backoff; the run went on with links not tried yet.
        assert second and not set(second) & set(first)
        assert _backlog(db_path, feed_url) == n_links - len(first) - len(second)

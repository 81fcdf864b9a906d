"""Transient vs permanent fetch failures (sources/fetch_policy.py), robots.txt refusals that say why, invalid URLs,
and what the ingest flow does with them run after run, against real servers on 127.0.0.1."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import polars as pl
import pytest

from config.settings import Settings
from sources import fetch_policy
from sources.feeds import Feed
from sources.http import Fetcher
from tests.conftest import article_html, rss
from tests.fault_server import FaultServer
from warehouse import db, stages

pytestmark = pytest.mark.timeout(600)  # hang guard (Prefect's first start included), never a speed check

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("error_kind, status, expected", [
    (None, 200, None),
    ("dns", None, "transient"), ("connect", None, "transient"), ("timeout", None, "transient"),
    ("protocol", None, "transient"),  # a reset connection
    ("http_status", 500, "transient"), ("http_status", 503, "transient"), ("http_status", 429, "transient"),
    ("robots_unreachable", None, "transient"),
    ("http_status", 404, "permanent"), ("http_status", 410, "permanent"),
    ("robots_disallowed", None, "permanent"), ("blocked_address", None, "permanent"),
    ("blocked_scheme", None, "permanent"), ("too_large", 200, "permanent"), ("invalid_url", None, "permanent"),
])
def test_failure_class(error_kind, status, expected):
    assert fetch_policy.failure_class(error_kind, status) == expected


def test_retry_waits_for_a_backoff_that_doubles_per_failure():
    minutes_ago = [None, 0.5, 1.5, 1.5, 3.5, 3.5, 24 * 60]
    pending = pl.DataFrame({
        "url": [f"u{i}" for i in range(len(minutes_ago))],
        "n_failed": [0, 1, 1, 2, 2, 3, 9],
        "last_failed_at": [None if m is None else NOW - timedelta(minutes=m) for m in minutes_ago],
    }, schema_overrides={"last_failed_at": pl.Datetime("us", "UTC")})
    # waits: 1 min after one failure, 2 after two, 4 after three, at most 6 hours
    assert fetch_policy.due_now(pending, NOW)["url"].to_list() == ["u0", "u2", "u4", "u6"]


def test_cap_per_feed_takes_the_oldest_entries_of_each_feed():
    pending = pl.DataFrame({
        "url": ["a3", "a1", "b1", "a2", "a0", "b0"],
        "feed_url": ["A", "A", "B", "A", "A", "B"],
        "entry_at": [NOW + timedelta(hours=h) for h in (3, 1, 1, 2, 0, 0)],
    })
    assert fetch_policy.cap_per_feed(pending, 2)["url"].to_list() == ["a0", "b0", "a1", "b1"]
    assert fetch_policy.cap_per_feed(pending, 0).height == 6  # 0: no cap


# ------------------------------------------------------------------------------------------------ robots.txt

def _fetcher(**overrides) -> Fetcher:
    return Fetcher(Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0.0, connect_timeout_s=1.0,
                            read_timeout_s=1.0, total_timeout_s=2.0, request_attempts=1, **overrides))


def test_robots_refusals_say_whether_they_are_final(tmp_path):
    with FaultServer(root_dir=tmp_path) as down, FaultServer(root_dir=tmp_path) as slow, \
            FaultServer(root_dir=tmp_path) as deny, _fetcher() as fetcher:
        down.answer("/robots.txt", 500, b"boom")
        slow.answer("/robots.txt", 200, b"User-agent: *\nAllow: /\n", delay_s=5)  # past the 2 s deadline
        deny.answer("/robots.txt", 200, b"User-agent: *\nDisallow: /\n")
        kind, reason = fetcher.robots_refusal(down.url("a.html"))
        assert kind == "robots_unreachable" and "HTTP 500" in reason
        kind, reason = fetcher.robots_refusal(slow.url("a.html"))
        assert kind == "robots_unreachable" and "Timeout" in reason
        assert fetcher.robots_refusal(deny.url("a.html")) == ("robots_disallowed", "disallowed by robots.txt")
        for url in ("http://[::1/x", "http://0177.0.0.1/x", "http://exa mple.com/x"):
            kind, _ = fetcher.robots_refusal(url)
            assert kind == "invalid_url", url


# ------------------------------------------------------------------------------------------------ the flow

def _age_failures(db_path) -> None:
    """As if a day had passed since every recorded fetch: each page's backoff is over."""
    with db.writing(db_path) as con:
        con.execute("update raw.fetches set fetched_at = fetched_at - interval 1 day")


def _article_fetches(db_path, url) -> list[dict]:
    return db.query(db_path, "select error_kind, error, failure, status from raw.fetches "
                             "where kind = 'article' and url = ? order by fetched_at", [url]).to_dicts()


def _requests(server, path) -> int:
    return sum(1 for p, _ in server.requests if p == path)


def test_transient_failures_are_retried_and_permanent_ones_never(tmp_path):
    """robots.txt down (500) -> tried again on a later run, fetched once it is back; robots.txt disallows -> never
    requested; a page answering 503 -> tried again after a backoff, given up after the attempt limit with the
    reason on its last fetch row; an unparseable link or feed URL -> invalid_url, permanent, no crash."""
    from flows.ingest import ingest

    body = "\n".join(["The model was released on Tuesday to developers, the company said in a statement."] * 8)
    for name in ("story", "good", "private"):
        (tmp_path / f"{name}.html").write_text(article_html(f"A {name} story", body), encoding="utf-8")
    with FaultServer(root_dir=tmp_path) as home, FaultServer(root_dir=tmp_path) as down, \
            FaultServer(root_dir=tmp_path) as deny:
        down.answer("/robots.txt", 500, b"boom")
        deny.answer("/robots.txt", 200, b"User-agent: *\nDisallow: /private\n")
        home.answer("/busy.html", 503, b"busy")  # no Retry-After: the page's own backoff applies
        urls = {"down": down.url("story.html"), "deny": deny.url("private.html"), "busy": home.url("busy.html"),
                "good": home.url("good.html"), "invalid": "http://0177.0.0.1/story.html"}
        items = [{"title": f"Item {k}", "link": u, "date": f"Tue, 0{i + 1} Apr 2025 08:00:00 GMT"}
                 for i, (k, u) in enumerate(urls.items())]
        (tmp_path / "feed.xml").write_text(rss(items), encoding="utf-8")
        feed_url = home.url("feed.xml")
        feeds = [Feed(url=feed_url, name="policy"), Feed(url="http://[::1", name="unparseable")]
        # One request per run: this is the policy across runs (retries within one request are test_http.py's).
        settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0.0, connect_timeout_s=1.0,
                            read_timeout_s=2.0, total_timeout_s=3.0, request_attempts=1)
        db_path = tmp_path / "radar.duckdb"

        def run():
            return ingest(feeds=feeds, db_path=str(db_path), settings=settings, force=True)

        run()
        kinds = {k: [(f["error_kind"], f["failure"]) for f in _article_fetches(db_path, u)] for k, u in urls.items()}
        assert kinds == {"down": [("robots_unreachable", "transient")], "deny": [("robots_disallowed", "permanent")],
                         "busy": [("http_status", "transient")], "good": [(None, None)],
                         "invalid": [("invalid_url", "permanent")]}
        bad_feed = db.query(db_path, "select health, last_error from marts.feed_health where feed_url = 'http://[::1'")
        assert bad_feed["health"].to_list() == ["degraded"] and "invalid URL" in bad_feed["last_error"][0]
        assert db.query(db_path,
                        "select error_kind from raw.fetches where url = 'http://[::1'")["error_kind"].to_list() \
            == ["invalid_url"]

        run()  # at once: both transient failures are still in their backoff, nothing is tried again
        assert _requests(home, "/busy.html") == 1 and len(_article_fetches(db_path, urls["down"])) == 1

        down.answer("/robots.txt", None)  # robots.txt is back (a 404 now: everything allowed)
        _age_failures(db_path)
        run()
        assert [(f["error_kind"], f["status"]) for f in _article_fetches(db_path, urls["down"])] \
            == [("robots_unreachable", None), (None, 200)]
        assert _requests(down, "/story.html") == 1
        assert _requests(home, "/busy.html") == 2

        _age_failures(db_path)
        run()
        busy = _article_fetches(db_path, urls["busy"])
        assert [f["status"] for f in busy] == [503, 503, 503]
        assert "given up" not in busy[1]["error"] and busy[-1]["error"].endswith("(given up after 3 attempts)")

        _age_failures(db_path)
        run()
        assert _requests(home, "/busy.html") == 3  # given up: not asked again
        assert _requests(deny, "/private.html") == 0  # disallowed: never asked at all
        assert stages.pending_articles(db_path, [feed_url])["url"].to_list() == []
        assert (len(_article_fetches(db_path, urls["deny"])) == 1
                and len(_article_fetches(db_path, urls["invalid"])) == 1)

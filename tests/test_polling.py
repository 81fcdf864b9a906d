"""The decisions of one poll, as pure functions (sources/polling.py, sources/fetch_policy.py,
transforms/ingest_rows.py, transforms/run_summary.py): fed plain results and a fixed time, no server, no Prefect."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import polars as pl

from sources import fetch_policy, fetching, polling
from sources.feeds import Feed
from sources.http import FetchResult
from transforms.feeds import ENTRY_SCHEMA, ParsedFeed
from transforms.ingest_rows import pages_to_extract, text_quarantine
from transforms.run_summary import run_summary_markdown

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


def _parsed(n_entries: int = 0, error: str | None = None, ttl: int | None = None) -> ParsedFeed:
    nulls = [pl.lit(None, dtype=t).alias(c) for c, t in ENTRY_SCHEMA.items() if c != "entry_id"]
    entries = pl.DataFrame({"entry_id": [f"e{i}" for i in range(n_entries)]}).with_columns(*nulls)
    entries = entries.select(list(ENTRY_SCHEMA))
    return ParsedFeed(entries=entries, title="A feed", error=error, warning=None, ttl_minutes=ttl)


# ------------------------------------------------------------------------------------------------ due feeds

def test_due_feeds_respect_pace_backoff_and_a_domains_retry_after():
    feeds = [Feed("https://a.example/rss"), Feed("https://b.example/rss"), Feed("https://news.c.example/rss"),
             Feed("https://d.example/rss")]
    previous = {"https://a.example/rss": {"next_due_at": NOW + timedelta(minutes=5)},   # not yet
                "https://b.example/rss": {"next_due_at": NOW - timedelta(minutes=5)},   # due
                "https://d.example/rss": {"next_due_at": None}}                          # at the next run
    limited = {"c.example": NOW + timedelta(hours=1)}  # another host of the same site sent Retry-After
    due = polling.due_feeds(feeds, previous, limited, NOW)
    assert [f.url for f in due] == ["https://b.example/rss", "https://d.example/rss"]
    assert polling.due_feeds(feeds, previous, limited, NOW, force=True) == feeds


# ------------------------------------------------------------------------------------------------ feed health

def test_feed_health_degrades_then_dies_and_one_success_heals():
    health, failures = "ok", 0
    seen = []
    for _ in range(polling.DEAD_AFTER_FAILURES):
        health, failures = polling.feed_health(True, failures)
        seen.append(health)
    assert seen == ["degraded"] * (polling.DEAD_AFTER_FAILURES - 1) + ["dead"]
    assert polling.feed_health(True, failures) == ("dead", polling.DEAD_AFTER_FAILURES + 1)
    assert polling.feed_health(False, failures) == ("ok", 0)


def test_feed_polls_name_the_error_and_feed_states_follow_it():
    feeds = [Feed("https://ok.example/rss", "OK"), Feed("https://down.example/rss"), Feed("https://html.example/")]
    results = [FetchResult(feeds[0].url, feeds[0].url, 200, b"<rss/>", headers={"etag": '"v2"'}),
               FetchResult(feeds[1].url, None, 503, b"", headers={"retry-after": "120"}, error_kind="http_status",
                           error="HTTP 503"),
               FetchResult(feeds[2].url, feeds[2].url, 200, b"<html/>", headers={"etag": '"h"'})]
    parsed = [_parsed(3, ttl=60), None, _parsed(0, error="not a feed: html")]
    polls = polling.feed_polls(feeds, results, parsed)
    assert [p.error for p in polls] == [None, ("http_status", "HTTP 503"), ("not_a_feed", "not a feed: html")]

    previous = {feeds[1].url: {"consecutive_failures": 4}}
    states = {r["feed_url"]: r for r in polling.feed_states(polls, previous, NOW).to_dicts()}
    ok, down, html = states[feeds[0].url], states[feeds[1].url], states[feeds[2].url]
    assert (ok["health"], ok["consecutive_failures"], ok["etag"], ok["n_entries_last"]) == ("ok", 0, '"v2"', 3)
    assert ok["last_ok_at"] == NOW and ok["next_due_at"] == NOW + timedelta(minutes=60)  # the feed's <ttl>
    assert (down["health"], down["consecutive_failures"], down["etag"]) == ("dead", 5, None)
    assert down["last_ok_at"] is None and down["last_error"] == "HTTP 503"
    assert down["next_due_at"] >= NOW + timedelta(seconds=120)  # backoff, at least what Retry-After asked
    assert (html["health"], html["consecutive_failures"]) == ("degraded", 1)

    log = polling.feed_fetch_log(polls, "run1", NOW)
    assert log["error_kind"].to_list() == [None, "http_status", "not_a_feed"]
    assert log["failure"].to_list() == [None, "transient", "transient"]
    assert log["n_bytes"].to_list() == [6, 0, 7] and set(log["run_id"]) == {"run1"}
    assert log["fetch_id"].n_unique() == 3
    assert polling.entries(polls).height == 3
    warning = polling.failed_feeds_warning(polls)
    assert warning.startswith("2 of 3 feeds failed") and "http_status 1" in warning and "not_a_feed 1" in warning
    assert polling.failed_feeds_warning(polls[:1]) is None
    assert polling.changed(results) == [0, 2]


def test_retry_after_holds_off_the_registrable_domain_and_the_later_time_wins():
    results = [FetchResult("https://www.site.example/a", None, 429, b"", headers={"retry-after": "600"},
                           error_kind="http_status", error="HTTP 429"),
               FetchResult("https://other.example/b", None, 500, b"", headers={"retry-after": "600"},
                           error_kind="http_status", error="HTTP 500"),  # Retry-After only counts on 429/503
               FetchResult("https://fine.example/c", "https://fine.example/c", 200, b"x")]
    limits = polling.retry_after_limits(results, NOW)
    assert limits.select("domain", "until_at").rows() == [("site.example", NOW + timedelta(seconds=600))]
    earlier = {"site.example": NOW + timedelta(seconds=60), "x.example": NOW}
    held = polling.held_off(earlier, limits)
    assert held == {"site.example": NOW + timedelta(seconds=600), "x.example": NOW}
    later = {"site.example": NOW + timedelta(hours=2)}
    assert polling.held_off(later, limits) == later


# ------------------------------------------------------------------------------------------------ pages

def _pending(urls: list[str], n_failed: list[int], content: list[str | None]) -> pl.DataFrame:
    n = len(urls)
    return pl.DataFrame({"url": urls, "feed_url": ["https://f.example/rss"] * n, "title": [f"T{i}" for i in range(n)],
                         "published_at": [NOW] * n, "summary": ["s"] * n, "content": content, "n_failed": n_failed})


def test_pages_held_off_by_retry_after_wait():
    batch = _pending(["https://a.example/1", "https://news.b.example/2", "https://a.example/3"], [0, 0, 0],
                     [None] * 3)
    assert fetch_policy.not_held_off(batch, {"b.example": NOW})["url"].to_list() == [
        "https://a.example/1", "https://a.example/3"]
    assert fetch_policy.not_held_off(batch, {}).height == 3


def test_a_transient_failure_settles_only_on_its_last_attempt_or_with_the_feeds_full_text():
    urls = [f"https://n.example/{i}" for i in range(5)]
    batch = _pending(urls, n_failed=[0, 0, 2, 0, 0], content=[None, None, None, "<p>full text</p>", None])
    results = [FetchResult(urls[0], urls[0], 200, b"<html>page</html>"),
               FetchResult(urls[1], None, 503, b"", error_kind="http_status", error="HTTP 503"),  # tried again
               FetchResult(urls[2], None, None, b"", error_kind="timeout", error="timed out"),   # third attempt
               FetchResult(urls[3], None, None, b"", error_kind="timeout", error="timed out"),   # feed has the text
               FetchResult(urls[4], None, 404, b"", error_kind="http_status", error="HTTP 404")]  # permanent
    n_failed = dict(zip(batch["url"], batch["n_failed"], strict=True))
    given_up = fetching.give_up_last_attempts(results, n_failed, max_attempts=3)
    assert [r.error for r in given_up] == [None, "HTTP 503", "timed out (given up after 3 attempts)",
                                           "timed out", "HTTP 404"]
    pages = pages_to_extract(batch, fetching.settled_pages(batch, given_up, max_attempts=3))
    assert [p["url"] for p in pages] == [urls[0], urls[2], urls[3], urls[4]]
    assert [p["fetch_error"] for p in pages] == [None, "timeout", "timeout", "http_404"]
    assert pages[0]["content"] == b"<html>page</html>" and pages[1]["content"] == b""
    assert pages[2]["entry_content"] == "<p>full text</p>" and pages[0]["entry_title"] == "T0"
    assert pages[0]["feed_url"] == "https://f.example/rss" and pages[0]["entry_published_at"] == NOW


def test_text_quarantine_names_pages_that_raised_and_pages_that_are_no_article():
    pages = [{"url": "https://n.example/1"}, {"url": "https://n.example/2"}, {"url": "https://n.example/3"}]
    metas = [{}, {"error_type": "RecursionError", "error_message": "too deep"}, {}]
    articles = pl.DataFrame({"url": [p["url"] for p in pages], "title": ["a", "b", "c"],
                             "text_source": ["page", "title", "summary"],
                             "page_error": [None, "extract_failed", "not_an_article"],
                             "is_article": [True, True, True]})
    rows = {r["row_key"]: r for r in text_quarantine(pages, metas, articles).to_dicts()}
    assert set(rows) == {"https://n.example/2", "https://n.example/3"}
    assert rows["https://n.example/2"]["error_type"] == "RecursionError"
    assert rows["https://n.example/3"]["expectations"].startswith("not_an_article")
    assert {r["stage"] for r in rows.values()} == {"extract_text"}


# ------------------------------------------------------------------------------------------------ summary

def test_run_summary_lists_counts_releases_failing_feeds_and_escapes_feed_text(tmp_path):
    releases = pl.DataFrame({"org": ["Meta"], "model": ["Llama <4>|x"], "open_weights": [True],
                             "event_date": [None]})
    docs = tmp_path / "docs" / "runs" / "r1.html"
    text = run_summary_markdown("r1", {"n_feeds": 3, "n_articles_new": 7}, releases,
                                [("https://down.example/rss", "HTTP 503\n<script>")], docs)
    assert "| feeds | 3 |" in text and "| articles new | 7 |" in text
    assert "Llama &lt;4&gt;\\|x" in text and "<script>" not in text
    assert "- https://down.example/rss: HTTP 503 &lt;script&gt;" in text
    assert docs.resolve().as_uri() in text
    empty = run_summary_markdown("r2", {}, releases.clear(), [], None)
    assert "None this run." in empty and "Failing feeds" not in empty and "were not built" in empty

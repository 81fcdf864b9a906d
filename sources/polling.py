"""What one poll of the feeds decides, as pure functions (results in, rows out; the time is a parameter):

- which feeds are due now (their own pace, backoff after failures, a domain's Retry-After);
- what a poll says about a feed: its error, its health (ok -> degraded -> dead after DEAD_AFTER_FAILURES
  failures in a row) and when it is due again;
- which registrable domains asked us to stay away (Retry-After on a 429/503), for feeds and pages alike;
- the fetch log: one row per HTTP attempt, with the failure's class (sources/fetch_policy.py).
"""
from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import polars as pl

from sources import fetch_policy, politeness
from sources.feeds import Feed
from sources.http import FetchResult
from transforms.feeds import ENTRY_SCHEMA, ParsedFeed

if TYPE_CHECKING:
    from polars._typing import SchemaDict

DEAD_AFTER_FAILURES = 5
FETCH_SCHEMA: SchemaDict = {
    "fetch_id": pl.String, "run_id": pl.String, "kind": pl.String, "url": pl.String, "final_url": pl.String,
    "status": pl.Int32, "n_bytes": pl.Int64, "elapsed_ms": pl.Int32, "error_kind": pl.String, "error": pl.String,
    "failure": pl.String, "fetched_at": pl.Datetime("us", "UTC"),
}
LIMIT_SCHEMA: SchemaDict = {"domain": pl.String, "until_at": pl.Datetime("us", "UTC"), "reason": pl.String}
FEED_STATE_SCHEMA: SchemaDict = {
    "feed_url": pl.String, "name": pl.String, "title": pl.String, "etag": pl.String, "last_modified": pl.String,
    "health": pl.String, "consecutive_failures": pl.Int64, "last_error": pl.String, "last_status": pl.Int64,
    "n_entries_last": pl.Int64, "last_fetched_at": pl.Datetime("us", "UTC"), "last_ok_at": pl.Datetime("us", "UTC"),
    "next_due_at": pl.Datetime("us", "UTC"),
}


@dataclass(frozen=True)
class FeedPoll:
    """One feed's poll: its fetch, its parse (None when nothing came back to parse) and why it failed, if it did."""
    feed: Feed
    result: FetchResult
    parsed: ParsedFeed | None
    error: tuple[str, str] | None  # (kind, message)


def due_feeds(feeds: list[Feed], previous: dict[str, dict], limited: dict[str, datetime], now: datetime,
              force: bool = False) -> list[Feed]:
    """Feeds whose own pace, backoff or domain Retry-After lets them be polled now (all of them with force)."""
    if force:
        return list(feeds)
    return [f for f in feeds
            if (previous.get(f.url, {}).get("next_due_at") or now) <= now
            and politeness.registrable_domain(f.url) not in limited]


def feed_polls(feeds: list[Feed], results: list[FetchResult], parsed: list[ParsedFeed | None]) -> list[FeedPoll]:
    """Pair each feed with its fetch and parse. A failed fetch is the poll's error; so is a body that is no feed.
    A malformed feed whose entries were recovered is not an error (ParsedFeed.warning says what was wrong)."""
    polls = []
    for feed, result, feed_parsed in zip(feeds, results, parsed, strict=True):
        error = (result.error_kind or "error", result.error or "") if not result.ok else None
        if feed_parsed is not None and feed_parsed.error:
            error = ("not_a_feed", feed_parsed.error)
        polls.append(FeedPoll(feed, result, feed_parsed, error))
    return polls


def changed(results: list[FetchResult]) -> list[int]:
    """Positions of the feeds that came back with a body to parse (not 304, not failed)."""
    return [i for i, r in enumerate(results) if r.ok and not r.not_modified]


def feed_health(failed: bool, previous_failures: int) -> tuple[str, int]:
    """(health, consecutive failures) after one poll: one success makes a feed 'ok' again; failures in a row make
    it 'degraded', and 'dead' from DEAD_AFTER_FAILURES on (still polled, with the longest backoff)."""
    if not failed:
        return "ok", 0
    failures = previous_failures + 1
    return ("dead" if failures >= DEAD_AFTER_FAILURES else "degraded"), failures


def feed_states(polls: list[FeedPoll], previous: dict[str, dict], now: datetime) -> pl.DataFrame:
    """raw.feeds rows after this poll: validators for the next conditional GET, health, and when it is due."""
    rows = []
    for poll in polls:
        result, parsed, error = poll.result, poll.parsed, poll.error
        health, failures = feed_health(bool(error), previous.get(poll.feed.url, {}).get("consecutive_failures") or 0)
        due = politeness.next_due(now, failed=bool(error), consecutive_failures=failures, headers=result.headers,
                                  ttl_minutes=parsed.ttl_minutes if parsed else None)
        rows.append({
            "feed_url": poll.feed.url, "name": poll.feed.name, "title": parsed.title if parsed else None,
            "etag": result.headers.get("etag") if result.ok else None,
            "last_modified": result.headers.get("last-modified") if result.ok else None,
            "health": health, "consecutive_failures": failures, "last_error": error[1] if error else None,
            "last_status": result.status, "n_entries_last": parsed.entries.height if parsed else None,
            "last_fetched_at": now, "last_ok_at": None if error else now, "next_due_at": due,
        })
    return pl.DataFrame(rows, schema=FEED_STATE_SCHEMA)


def entries(polls: list[FeedPoll]) -> pl.DataFrame:
    """Every entry the changed feeds carried."""
    return pl.concat([p.parsed.entries for p in polls if p.parsed] or [pl.DataFrame(schema=ENTRY_SCHEMA)])


def fetch_log(results: list[FetchResult], kind: str, run_id: str, now: datetime,
              errors: dict[str, tuple[str, str]] | None = None) -> pl.DataFrame:
    """raw.fetches rows for these results; `errors` overrides the error of a url (e.g. a body that is not a feed)."""
    errors = errors or {}
    rows = []
    for r in results:
        kind_err, err = errors.get(r.url, (r.error_kind, r.error))
        rows.append({
            "fetch_id": uuid.uuid4().hex, "run_id": run_id, "kind": kind, "url": r.url, "final_url": r.final_url,
            "status": r.status, "n_bytes": len(r.content), "elapsed_ms": r.elapsed_ms,
            "error_kind": kind_err, "error": err, "failure": fetch_policy.failure_class(kind_err, r.status),
            "fetched_at": now,
        })
    return pl.DataFrame(rows, schema=FETCH_SCHEMA)


def feed_fetch_log(polls: list[FeedPoll], run_id: str, now: datetime) -> pl.DataFrame:
    """The feeds' fetch log: a body that is no feed is logged as that poll's error."""
    return fetch_log([p.result for p in polls], "feed", run_id, now,
                     {p.result.url: p.error for p in polls if p.error})


def retry_after_limits(results: list[FetchResult], now: datetime) -> pl.DataFrame:
    """A 429/503 with Retry-After holds off the whole registrable domain, not just the one host."""
    rows = []
    for r in results:
        wait = politeness.retry_after_seconds(r.headers, now) if r.status in (429, 503) else None
        if wait:
            rows.append({"domain": politeness.registrable_domain(r.url), "until_at": now + timedelta(seconds=wait),
                         "reason": f"HTTP {r.status} Retry-After {r.headers.get('retry-after')}"})
    return pl.DataFrame(rows, schema=LIMIT_SCHEMA)


def held_off(limited: dict[str, datetime], limits: pl.DataFrame) -> dict[str, datetime]:
    """The domains to leave alone, with those that just sent Retry-After (the later time wins)."""
    merged = dict(limited)
    for domain, until in limits.select("domain", "until_at").iter_rows():
        merged[domain] = max(until, merged.get(domain, until))
    return merged


def failed_feeds_warning(polls: list[FeedPoll]) -> str | None:
    """One line for all the feeds that failed (counts by kind, a few urls), or None when none did. The full list
    is in raw.fetches, marts.feed_health and `radar feeds list`."""
    failed = [p for p in polls if p.error]
    if not failed:
        return None
    kinds = Counter(p.error[0] or "error" for p in failed if p.error)
    return (f"{len(failed)} of {len(polls)} feeds failed "
            f"({', '.join(f'{kind} {n}' for kind, n in kinds.most_common())}), "
            f"e.g. {', '.join(p.feed.url for p in failed[:3])}")

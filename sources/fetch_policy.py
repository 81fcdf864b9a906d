"""Which failed page fetches are tried again, and how many pages one run takes on: the rules, in one place.

A *permanent* failure will not change by asking again (the page is gone, robots.txt forbids it, the address or
scheme is refused, the URL cannot be parsed, the body is over the cap): the page is never fetched again. Every
other failure (DNS, connect, timeout, reset, 5xx, 429, robots.txt unreachable, ...) is *transient*: the page is
tried again on a later run, after a backoff that doubles per failure, and given up after a fixed number of
attempts (the last attempt's recorded error says so). The class is stored on every row of `raw.fetches`
(column `failure`), which is what warehouse/sql/pending_articles.sql reads.
"""
from __future__ import annotations

from datetime import datetime

import polars as pl

from sources.politeness import BACKOFF_BASE_S, BACKOFF_MAX_S, registrable_domain

PERMANENT_KINDS = frozenset({
    "robots_disallowed",  # robots.txt says no
    "blocked_address",    # the SSRF guard refused the address (or a redirect to one)
    "blocked_scheme",     # not http(s), e.g. a redirect to file://
    "invalid_url",        # the URL cannot be parsed (bad IPv4/IPv6 literal, space in the host, port out of range)
    "too_large",          # over max_page_bytes: it will be as large next time
})
PERMANENT_STATUSES = frozenset({404, 410})  # Not Found, Gone


def failure_class(error_kind: str | None, status: int | None) -> str | None:
    """'permanent', 'transient', or None for a fetch that did not fail."""
    if error_kind is None:
        return None
    if error_kind in PERMANENT_KINDS or (error_kind == "http_status" and status in PERMANENT_STATUSES):
        return "permanent"
    return "transient"


RETRY_IN_CALL_STATUSES = frozenset({500, 502, 503, 504})


def retry_in_call(result) -> bool:
    """Whether a fetch is tried again at once, inside the same call (sources.http.Fetcher.get): no response at
    all (connection refused, reset, timeout, the server hung up) or a server error that did not say when to come
    back. A Retry-After (429, 503) is not second-guessed: the feed or domain waits as asked, on a later run."""
    if result.error_kind in ("connect", "timeout"):
        return True
    if result.error_kind == "protocol" and result.status is None:  # "Server disconnected without sending a response"
        return True
    return (result.error_kind == "http_status" and result.status in RETRY_IN_CALL_STATUSES
            and "retry-after" not in result.headers)


def due_now(pending: pl.DataFrame, now: datetime) -> pl.DataFrame:
    """Pending pages whose backoff after their last transient failure has passed (never-tried pages always are).
    The wait is the feeds' backoff without jitter: 1, 2, 4 ... minutes, at most 6 hours."""
    wait = (pl.lit(BACKOFF_BASE_S) * pl.lit(2.0).pow((pl.col("n_failed") - 1).clip(lower_bound=0))).clip(
        upper_bound=BACKOFF_MAX_S)
    ready_at = (pl.col("last_failed_at").dt.convert_time_zone("UTC")
                + pl.duration(milliseconds=(wait * 1000).cast(pl.Int64)))
    return pending.filter(pl.col("last_failed_at").is_null() | (ready_at <= pl.lit(now)))


def cap_per_feed(pending: pl.DataFrame, max_per_feed: int) -> pl.DataFrame:
    """At most `max_per_feed` pages of each feed, oldest entries first (0 = no cap); the rest wait for a later
    run, so a feed of 100,000 items is worked through run by run, not in one unbounded run."""
    ordered = pending.sort("entry_at", "url", nulls_last=True)
    if max_per_feed <= 0:
        return ordered
    return ordered.filter(pl.int_range(pl.len()).over("feed_url") < max_per_feed)


def pages_for_run(pending: pl.DataFrame, now: datetime, max_per_feed: int) -> pl.DataFrame:
    """The pending pages this run fetches, oldest first: those out of backoff, at most `max_per_feed` per feed."""
    return cap_per_feed(due_now(pending, now), max_per_feed)


def not_held_off(batch: pl.DataFrame, limited: dict[str, datetime] | set[str]) -> pl.DataFrame:
    """The pages whose registrable domain has not asked us (Retry-After) to wait; the others stay pending."""
    if not limited:
        return batch
    domains = batch["url"].map_elements(registrable_domain, return_dtype=pl.String)
    return batch.filter(~domains.is_in(list(limited)))

"""The two fetches of a poll, with one hardened client each (sources/http.py): the feeds, by conditional GET, and
the article pages that robots.txt allows, none started after the run's deadline. Never raise for a bad URL or a
bad server: every failure is a FetchResult with its error."""
from __future__ import annotations

import time
from dataclasses import replace

import polars as pl

from config.settings import Settings
from sources.fetch_policy import failure_class
from sources.http import Fetcher, FetchResult


def fetch_feeds(urls: list[str], previous: dict[str, dict], settings: Settings) -> list[FetchResult]:
    """One result per feed url, in order; `previous` holds each feed's stored etag and last_modified."""
    validators = {u: (previous.get(u, {}).get("etag"), previous.get(u, {}).get("last_modified")) for u in urls}
    with Fetcher(settings) as fetcher:  # no deadline: every url gets a result
        return [r for r in fetcher.get_many(urls, max_bytes=settings.max_feed_bytes, validators=validators)
                if r is not None]


def fetch_pages(urls: list[str], settings: Settings, deadline: float | None = None) -> list[FetchResult]:
    """The pages in order; a page robots.txt refuses is a failed fetch like any other. Nothing starts after
    `deadline` (time.time()): the urls not attempted get no result at all, so they stay pending."""
    refused: dict[str, tuple[str, str]] = {}
    with Fetcher(settings) as fetcher:
        allowed = []
        for url in urls:
            if deadline is not None and time.time() >= deadline:
                break
            refusal = fetcher.robots_refusal(url) if settings.obey_robots else None
            if refusal:
                refused[url] = refusal
            else:
                allowed.append(url)
        got = fetcher.get_many(allowed, max_bytes=settings.max_page_bytes, deadline=deadline)
        fetched = {url: result for url, result in zip(allowed, got, strict=True) if result is not None}
    results = []
    for url in urls:
        if url in refused:
            results.append(FetchResult(url, None, None, b"", error_kind=refused[url][0], error=refused[url][1]))
        elif url in fetched:
            results.append(fetched[url])
    return results


def give_up_last_attempts(results: list[FetchResult], n_failed: dict[str, int], max_attempts: int) -> list[FetchResult]:
    """A transient failure on a page's last allowed attempt says in its error that the page is given up
    (`n_failed` counts each url's earlier failed attempts)."""
    out = []
    for result in results:
        attempt = n_failed.get(result.url, 0) + 1
        if failure_class(result.error_kind, result.status) == "transient" and attempt >= max_attempts:
            result = replace(result, error=f"{result.error} (given up after {attempt} attempts)")
        out.append(result)
    return out


def settled(result: FetchResult, entry: dict, max_attempts: int) -> bool:
    """Whether this page's article is made now. A page that failed transiently with attempts left is retried on a
    later run, and its article waits, unless the feed carried the post's full text (content:encoded), which is as
    good as the page. Fetched, permanently failed and given-up pages settle now, the failed ones from their feed
    text."""
    if result.ok or entry.get("content"):
        return True
    transient = failure_class(result.error_kind, result.status) == "transient"
    return not transient or (entry.get("n_failed") or 0) + 1 >= max_attempts


def fetch_error(result: FetchResult) -> str | None:
    """The short error an article records for its page (http_404, timeout, ...); None for a fetched page."""
    if result.ok:
        return None
    return f"http_{result.status}" if result.error_kind == "http_status" and result.status else result.error_kind


def settled_pages(batch: pl.DataFrame, results: list[FetchResult], max_attempts: int) -> list[dict]:
    """The fetched pages whose article is made now: url, content (empty for a failed fetch) and fetch_error."""
    entries = {r["url"]: r for r in batch.select("url", "content", "n_failed").to_dicts()}
    return [{"url": r.url, "content": r.content if r.ok else b"", "fetch_error": fetch_error(r)}
            for r in results if settled(r, entries[r.url], max_attempts)]

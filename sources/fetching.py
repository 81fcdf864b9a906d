"""The two fetches of a poll, with one hardened client each (sources/http.py): the feeds, by conditional GET, and
the article pages that robots.txt allows, none started after the run's deadline. Never raise for a bad URL or a
bad server: every failure is a FetchResult with its error."""
from __future__ import annotations

import time

from config.settings import Settings
from sources.http import FetchResult, Fetcher


def fetch_feeds(urls: list[str], previous: dict[str, dict], settings: Settings) -> list[FetchResult]:
    """One result per feed url, in order; `previous` holds each feed's stored etag and last_modified."""
    validators = {u: (previous.get(u, {}).get("etag"), previous.get(u, {}).get("last_modified")) for u in urls}
    with Fetcher(settings) as fetcher:
        return fetcher.get_many(urls, max_bytes=settings.max_feed_bytes, validators=validators)


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
        fetched = dict(zip(allowed, fetcher.get_many(allowed, max_bytes=settings.max_page_bytes, deadline=deadline)))
    results = []
    for url in urls:
        if url in refused:
            results.append(FetchResult(url, None, None, b"", error_kind=refused[url][0], error=refused[url][1]))
        elif fetched.get(url) is not None:
            results.append(fetched[url])
    return results

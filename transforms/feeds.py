"""Feed bytes -> entry rows. feedparser only ever sees bytes: it must never fetch or open a path itself."""
from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

import feedparser
import polars as pl

from transforms.urls import canonical_url

ENTRY_SCHEMA = {
    "entry_id": pl.String,
    "feed_url": pl.String,
    "guid": pl.String,
    "url": pl.String,
    "title": pl.String,
    "summary": pl.String,
    "published_at": pl.Datetime("us", "UTC"),
}


@dataclass(frozen=True)
class ParsedFeed:
    entries: pl.DataFrame
    title: str | None
    error: str | None          # set when the bytes are not a usable feed
    warning: str | None        # feedparser's bozo note when entries were still recovered
    ttl_minutes: int | None


def _entry_time(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def parse_feed(content: bytes, feed_url: str, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse one feed body; hostile input yields an error, never an exception."""
    empty = pl.DataFrame(schema=ENTRY_SCHEMA)
    if not content or not content.strip():
        return ParsedFeed(empty, None, "empty body", None, None)
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    response_headers["content-location"] = feed_url
    try:
        parsed = feedparser.parse(
            content, response_headers=response_headers, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # feedparser raises on some charrefs (surrogates, out-of-range)
        return ParsedFeed(empty, None, f"unparseable feed: {type(exc).__name__}: {exc}", None, None)
    bozo = parsed.get("bozo_exception")
    if not parsed.get("version") and not parsed.get("entries"):
        reason = f"not a feed ({type(bozo).__name__}: {bozo})" if bozo else "not a feed (no RSS/Atom root)"
        return ParsedFeed(empty, None, reason, None, None)
    feed_meta = parsed.get("feed", {})
    rows = []
    for entry in parsed.get("entries", []):
        base = entry.get("link") or ""
        url = canonical_url(entry.get("link"), base=feed_url) or canonical_url(entry.get("id"), base=feed_url)
        if url is None:
            continue  # javascript:, data:, file:, missing links: nothing to fetch
        guid = entry.get("id") or base or url
        rows.append({
            "entry_id": hashlib.sha256(f"{feed_url}\n{guid}".encode()).hexdigest()[:32],
            "feed_url": feed_url,
            "guid": guid[:2000],
            "url": url,
            "title": (entry.get("title") or None),
            "summary": (entry.get("summary") or None),
            "published_at": _entry_time(entry),
        })
    entries = pl.DataFrame(rows, schema=ENTRY_SCHEMA).unique("entry_id", keep="first", maintain_order=True)
    ttl = feed_meta.get("ttl")
    return ParsedFeed(
        entries=entries,
        title=feed_meta.get("title") or None,
        error=None,
        warning=f"{type(bozo).__name__}: {bozo}" if bozo else None,
        ttl_minutes=int(ttl) if isinstance(ttl, str) and ttl.isdigit() else None,
    )

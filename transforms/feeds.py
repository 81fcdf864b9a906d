"""Feed bytes -> entry rows. feedparser only ever sees bytes: it must never fetch or open a path itself."""
from __future__ import annotations

import calendar
import hashlib
import html
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import feedparser
import polars as pl

from transforms.urls import canonical_url

if TYPE_CHECKING:
    from polars._typing import SchemaDict

ENTRY_SCHEMA: SchemaDict = {
    "entry_id": pl.String,
    "feed_url": pl.String,
    "guid": pl.String,
    "url": pl.String,
    "title": pl.String,
    "summary": pl.String,
    "published_at": pl.Datetime("us", "UTC"),
    "content": pl.String,  # the entry's full body (content:encoded, atom content) as plain text
}


BROKEN_FEED_MAX_BYTES = 1_000_000
MAX_TITLE_CHARS = 1_000
MAX_SUMMARY_CHARS = 20_000
MAX_CONTENT_CHARS = 200_000
MAX_GUID_CHARS = 2_000
# Control characters (NUL, ESC, ...) decoded from hostile charrefs never reach the warehouse; tab/newline stay.
# An internal entity declaration (<!ENTITY name "value">): what entity bombs are made of. External ones (XXE) are
# left to feedparser, which never resolves them.
ENTITY_DECLARATION = re.compile(rb"<!ENTITY\s+(?:%\s*)?[\w.:-]+\s+[\"']", re.IGNORECASE)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str | None, limit: int) -> str | None:
    """Strip control characters and cap the length of a feed's text field."""
    if not text:
        return None
    return CONTROL_CHARS.sub("", text)[:limit] or None


_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAKS = re.compile(r"<\s*(?:br|p|div|li|h[1-6]|tr|blockquote|figure|/p|/div|/li|/h[1-6]|/tr|/blockquote)\b[^>]*>",
                     re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


def html_to_text(value: str | None) -> str | None:
    """Feed HTML (a content:encoded body, an HTML summary) as plain text: a paragraph per line, tags dropped,
    entities decoded. Plain text goes through unchanged but for whitespace."""
    if not value:
        return None
    text = html.unescape(_TAGS.sub("", _BREAKS.sub("\n", _SCRIPTS.sub(" ", value))))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line) or None


def _entry_content(entry) -> str | None:
    """The entry's longest content body, as text (feeds give a text/plain and a text/html one at times)."""
    bodies = [html_to_text(c.get("value")) for c in entry.get("content") or [] if isinstance(c, dict)]
    return max((b for b in bodies if b), key=len, default=None)


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
    if ENTITY_DECLARATION.search(content[:65536]):
        # Real feeds never declare entities; entity bombs (billion laughs, quadratic blowup) do.
        return ParsedFeed(empty, None, "refused: the document declares XML entities (entity expansion)", None, None)
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
    if bozo and not parsed.get("entries") and len(content) > BROKEN_FEED_MAX_BYTES:
        # Megabytes of broken XML that yield nothing (an inflated bomb, an unterminated element) are no feed.
        return ParsedFeed(empty, None, f"broken feed: {len(content)} bytes and no entries ({type(bozo).__name__})",
                          None, None)
    feed_meta = parsed.get("feed", {})
    rows = []
    for entry in parsed.get("entries", []):
        base = entry.get("link") or ""
        # javascript:, data:, file:, over-long or control-character links give no url: such entries are kept
        # with url null, so validation quarantines them with a reason instead of dropping them silently.
        url = canonical_url(entry.get("link"), base=feed_url) or canonical_url(entry.get("id"), base=feed_url)
        if url is None and not entry.get("link"):
            continue  # an item without a link (a podcast note, a status line) has no article to fetch
        guid = entry.get("id") or base or url or ""
        rows.append({
            "entry_id": hashlib.sha256(f"{feed_url}\n{guid}".encode()).hexdigest()[:32],
            "feed_url": feed_url,
            "guid": _clean(guid, MAX_GUID_CHARS),
            "url": url,
            "title": _clean(entry.get("title"), MAX_TITLE_CHARS),
            "summary": _clean(entry.get("summary"), MAX_SUMMARY_CHARS),
            "published_at": _entry_time(entry),
            "content": _clean(_entry_content(entry), MAX_CONTENT_CHARS),
        })
    entries = pl.DataFrame(rows, schema=ENTRY_SCHEMA).unique("entry_id", keep="first", maintain_order=True)
    ttl = feed_meta.get("ttl")
    return ParsedFeed(
        entries=entries,
        title=_clean(feed_meta.get("title"), MAX_TITLE_CHARS),
        error=None,
        warning=f"{type(bozo).__name__}: {bozo}" if bozo else None,
        ttl_minutes=int(ttl) if isinstance(ttl, str) and ttl.isdigit() else None,
    )

"""How often a feed may be polled: its own declared pace, Retry-After, and backoff after failures."""
from __future__ import annotations

import random
import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from tld import get_fld

BACKOFF_BASE_S = 60.0
BACKOFF_MAX_S = 6 * 3600.0
MAX_PACE_S = 24 * 3600.0  # never trust a feed that asks to be left alone for more than a day


def registrable_domain(url: str) -> str:
    """The registrable domain by the Public Suffix List ('news.bbc.co.uk' -> 'bbc.co.uk', 'foo.github.io' stays
    whole: github.io is a suffix under which each site has its own owner). The list is the snapshot bundled with
    the `tld` package (never fetched). IP literals stay whole; a host under no listed suffix (localhost,
    demo.radar.test) falls back to the list's default rule '*': its last two labels."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:  # "http://[::1": an invalid URL, recorded as such by the fetch; no domain to hold off
        return ""
    if re.fullmatch(r"[\d.]+|[0-9a-f:]+", host):
        return host
    domain = get_fld(host, fix_protocol=True, fail_silently=True)
    return domain if isinstance(domain, str) else ".".join(host.split(".")[-2:])


def _http_date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def retry_after_seconds(headers: dict[str, str], now: datetime) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date."""
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return min(float(value), BACKOFF_MAX_S)
    when = _http_date(value)
    return min(max((when - now).total_seconds(), 0.0), BACKOFF_MAX_S) if when else None


def declared_pace_seconds(headers: dict[str, str], ttl_minutes: int | None, now: datetime) -> float | None:
    """The longest wait the feed asks for: RSS <ttl>, Cache-Control max-age, or Expires."""
    candidates = []
    if ttl_minutes:
        candidates.append(ttl_minutes * 60.0)
    match = re.search(r"max-age=(\d+)", headers.get("cache-control", ""))
    if match:
        candidates.append(float(match.group(1)))
    expires = _http_date(headers.get("expires", ""))
    if expires:
        candidates.append((expires - now).total_seconds())
    pace = max(candidates, default=0.0)
    return min(pace, MAX_PACE_S) if pace > 0 else None


def backoff_seconds(consecutive_failures: int, rng: random.Random | None = None) -> float:
    """Exponential backoff with ±20% jitter, so failing feeds do not retry in lockstep."""
    rng = rng or random.Random()
    base = min(BACKOFF_BASE_S * 2 ** max(consecutive_failures - 1, 0), BACKOFF_MAX_S)
    return base * rng.uniform(0.8, 1.2)


def next_due(now: datetime, *, failed: bool, consecutive_failures: int, headers: dict[str, str],
             ttl_minutes: int | None) -> datetime | None:
    """When the feed may be polled again; None means at the next scheduled run."""
    wait: float | None
    if failed:
        wait = max(backoff_seconds(consecutive_failures), retry_after_seconds(headers, now) or 0.0)
    else:
        wait = declared_pace_seconds(headers, ttl_minutes, now)
    return now + timedelta(seconds=wait) if wait else None

"""URL canonicalization: one story reached through two feeds is one article.

Kept as our own small function rather than courlan's normalize_url (tests/test_urls.py shows each case): courlan
keeps the #fragment (one page becomes two articles), keeps a default port on IPv6 literals, percent-encodes
reserved path characters such as ';' (a different resource by RFC 3986), and returns javascript:/file: URLs
instead of refusing them. Its other changes (sorting query parameters, dropping the trailing '/' of an empty
path) would be harmless for new data but would re-key stored articles: article_id is url_hash(canonical_url),
so any change to the canonical form needs a migration that rewrites raw.articles/raw.entries keys, not a swap.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid"}
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_URL_CHARS = 2048  # longer is not a link anyone publishes; storing it only bloats the warehouse
_FORBIDDEN = re.compile(r"[\x00-\x20\x7f]")  # control characters and spaces have no place in a URL


def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """Absolute http(s) URL without fragment, tracking parameters or default port; None if not web."""
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL_CHARS or _FORBIDDEN.search(url):
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
         if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS]
    )
    canonical = urlunsplit((scheme, netloc, parts.path or "/", query, ""))
    return canonical if len(canonical) <= MAX_URL_CHARS else None


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


"""Offline sources of history for `radar backfill`: JSON lines, saved pages, saved feed versions, WARC files.

Every reader turns its files into *items*, one row per story (ITEM_SCHEMA), or into feed *polls* (saved feed
versions, replayed in order). Readers never touch the network or the warehouse; a bad record becomes a row of
`errors` (source, reason), never an exception, so one broken line costs only itself.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
from warcio.archiveiterator import ArchiveIterator

from transforms.articles import canonical_link
from transforms.urls import canonical_url

if TYPE_CHECKING:
    from polars._typing import SchemaDict

ITEM_SCHEMA: SchemaDict = {
    "source": pl.String,        # the file (and line or record) the item came from
    "feed_url": pl.String,      # the feed it belonged to, else "archive:<file name>"
    "url": pl.String,
    "title": pl.String,
    "summary": pl.String,
    "text": pl.String,          # plain text (a saved extraction, a Markdown page)
    "html": pl.Binary,          # a page to run text extraction on
    "published_at": pl.Datetime("us", "UTC"),
    "crawled_at": pl.Datetime("us", "UTC"),  # a WARC record's crawl date: the date of last resort
}
PAGE_SUFFIXES = {".html", ".htm", ".md", ".txt"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MANIFEST_NAMES = ("manifest.jsonl", "manifest.json")
MAX_RECORD_BYTES = 5 * 1024 * 1024  # the same cap as a fetched page
# Front matter: a YAML-like block between '---' lines, or the header this project's real sets use
# ('# headline', 'Source: URL', 'Published: YYYY-MM-DD').
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_HEADER_LINE = re.compile(r"^(url source|published time|source|url|published|date|title)\s*:\s*(.+?)\s*$",
                          re.IGNORECASE)


@dataclass
class Batch:
    """What one source yielded: items (stories), or polls (successive versions of one feed), and errors."""
    source: str
    items: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=ITEM_SCHEMA))
    polls: list[tuple[str, bytes]] = field(default_factory=list)   # (version file, feed bytes), oldest first
    errors: list[tuple[str, str]] = field(default_factory=list)    # (record, reason)


def parse_time(value) -> datetime | None:
    """A date or timestamp as archives write them (ISO 8601, RFC 822, epoch seconds), in UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from email.utils import parsedate_to_datetime
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed.astimezone(timezone.utc)


def _item(source: str, feed_url: str, url: str | None, title=None, summary=None, text=None, html=None,
          published=None, crawled=None) -> dict:
    return {"source": source, "feed_url": feed_url, "url": canonical_url(url) if url else None,
            "title": (title or None) and str(title).strip(), "summary": summary or None, "text": text or None,
            "html": html or None, "published_at": parse_time(published), "crawled_at": parse_time(crawled)}


def _frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=ITEM_SCHEMA)


def read_source(path: Path) -> Iterator[Batch]:
    """The batches of one SOURCE argument, by what it is: a JSON-lines file, a WARC file, a feed file, a
    directory of saved pages (with a manifest or front matter), or a directory of successive feed versions."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file())
        if files and all(p.suffix.lower() in FEED_SUFFIXES for p in files):
            yield read_feed_versions(files, source=str(path))
        else:
            yield read_pages_dir(path)
    elif path.name.lower().endswith(WARC_SUFFIXES):
        yield from read_warc(path)
    elif path.suffix.lower() in FEED_SUFFIXES:
        yield read_feed_versions([path], source=str(path))
    elif path.name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield read_jsonl(path)
    else:
        yield Batch(str(path), errors=[(str(path), "unknown kind of source: expected .jsonl, .warc(.gz), a feed "
                                                   "file (.xml/.rss/.atom) or a directory")])


def read_jsonl(path: Path) -> Batch:
    """One entry a line: url, title, summary or text or html, published, optional feed."""
    feed_default = f"archive:{path.name}"
    opener = gzip.open if path.suffix == ".gz" else open
    rows, errors = [], []
    with opener(path, "rt", encoding="utf-8", errors="replace") as lines:
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append((where, f"not JSON: {exc.msg}"))
                continue
            if not isinstance(record, dict):
                errors.append((where, "not a JSON object"))
                continue
            item = _item(where, record.get("feed") or feed_default, record.get("url") or record.get("link"),
                         record.get("title"), record.get("summary") or record.get("description"),
                         record.get("text") or record.get("content"),
                         (record.get("html") or "").encode("utf-8") or None,
                         record.get("published") or record.get("date"))
            if item["url"] is None:
                errors.append((where, f"no usable http(s) url: {str(record.get('url'))[:200]!r}"))
                continue
            rows.append(item)
    return Batch(str(path), items=_frame(rows), errors=errors)


def _manifest(directory: Path) -> dict[str, dict]:
    """file name -> metadata (url, published, title) from manifest.jsonl / manifest.json, if present."""
    for name in MANIFEST_NAMES:
        path = directory / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        records = (json.loads(text) if name.endswith(".json")
                   else [json.loads(line) for line in text.splitlines() if line.strip()])
        if isinstance(records, dict):  # {"file.html": {...}}
            records = [{"path": k, **v} for k, v in records.items()]
        return {str(r.get("path") or r.get("file")): r for r in records if isinstance(r, dict)}
    return {}


def _front_matter(text: str) -> tuple[dict, str]:
    """Metadata at the top of a saved text page, and the text without it: a '---' block, then header lines
    ('# headline', 'Source: URL', 'Published: …', or a reader service's 'URL Source:' / 'Published Time:')."""
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            if value.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end():]
    lines = text.splitlines()
    body_start = 0
    if lines and lines[0].startswith("# "):
        meta["title"], body_start = lines[0][2:].strip(), 1
    for i in range(body_start, min(len(lines), body_start + 12)):
        header = _HEADER_LINE.match(lines[i])
        if header:
            key = header.group(1).lower().replace("url source", "url").replace("published time", "published")
            meta.setdefault(key, header.group(2))
            body_start = i + 1
        elif lines[i].strip().lower() == "markdown content:":
            body_start = i + 1
            break
        elif lines[i].strip():
            break
    return meta, "\n".join(lines[body_start:]).strip()


def read_pages_dir(directory: Path) -> Batch:
    """Saved pages (.html, .md, .txt); URL and date from the manifest, else front matter, else the page."""
    manifest, feed_url = _manifest(directory), f"archive:{directory.name}"
    rows, errors = [], []
    for path in sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES):
        where, meta = str(path), manifest.get(str(path.relative_to(directory))) or manifest.get(path.name) or {}
        raw = path.read_bytes()[:MAX_RECORD_BYTES]
        if path.suffix.lower() in (".html", ".htm"):
            url = meta.get("url") or _page_url(raw)
            rows.append(_item(where, meta.get("feed") or feed_url, url, meta.get("title"), html=raw,
                              published=meta.get("published") or meta.get("date")))
        else:
            front, body = _front_matter(raw.decode("utf-8", errors="replace"))
            meta = {**front, **meta}
            rows.append(_item(where, meta.get("feed") or feed_url, meta.get("url") or meta.get("source"),
                              meta.get("title"), text=body, published=meta.get("published") or meta.get("date")))
        if rows[-1]["url"] is None:
            errors.append((where, "no URL: give one in manifest.jsonl or front matter (url: / Source:)"))
            rows.pop()
    return Batch(str(directory), items=_frame(rows), errors=errors)


_OG_URL = re.compile(rb"""<meta[^>]+property\s*=\s*["']og:url["'][^>]*content\s*=\s*["']([^"']+)""", re.IGNORECASE)


def _page_url(raw: bytes) -> str | None:
    """A saved page's own address: og:url (and its same-site rel=canonical when it has one)."""
    match = _OG_URL.search(raw[:262_144])
    og = canonical_url(match.group(1).decode("utf-8", errors="replace")) if match else None
    return (canonical_link(raw, og) or og) if og else None


def read_feed_versions(files: list[Path], source: str) -> Batch:
    """Saved RSS/Atom files; several files of one directory are successive versions of one feed, replayed in
    file-name order (name them so they sort by time, e.g. NN_<timestamp>.xml)."""
    return Batch(source, polls=[(str(p), p.read_bytes()) for p in sorted(files)])


def read_warc(path: Path, batch_size: int = 1000) -> Iterator[Batch]:
    """HTML responses of a WARC file (e.g. Common Crawl's CC-NEWS), streamed in batches. The publication date
    comes from the page; the crawl date (WARC-Date) is only a fallback."""
    rows, errors = [], []
    with open(path, "rb") as stream:
        try:
            for n, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or not record.http_headers:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode()
                if status != "200" or "html" not in content_type:
                    continue
                where = f"{path}#{n}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = record.content_stream().read(MAX_RECORD_BYTES + 1)
                if len(body) > MAX_RECORD_BYTES:
                    errors.append((where, f"record larger than {MAX_RECORD_BYTES} bytes"))
                    continue
                item = _item(where, f"archive:{path.name}", url, html=body,
                             crawled=record.rec_headers.get_header("WARC-Date"))
                if item["url"] is None:
                    errors.append((where, f"no usable http(s) target URI: {str(url)[:200]!r}"))
                    continue
                rows.append(item)
                if len(rows) >= batch_size:
                    yield Batch(str(path), items=_frame(rows), errors=errors)
                    rows, errors = [], []
        except Exception as exc:  # noqa: BLE001 - a truncated or corrupt archive ends the file, not the backfill
            errors.append((str(path), f"unreadable WARC after {len(rows)} records: {type(exc).__name__}: {exc}"))
    yield Batch(str(path), items=_frame(rows), errors=errors)

"""Article page bytes -> article rows (trafilatura text + metadata). Pure: no network, no database."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

import polars as pl
import trafilatura
from trafilatura.settings import use_config

ARTICLE_SCHEMA = {
    "article_id": pl.String,
    "url": pl.String,
    "feed_url": pl.String,
    "title": pl.String,
    "published_at": pl.Datetime("us", "UTC"),
    "text": pl.String,
    "text_sha": pl.String,
    "lang": pl.String,
    "site_name": pl.String,
    "fetched_at": pl.Datetime("us", "UTC"),
}
MAX_HTML_BYTES = 5 * 1024 * 1024

_config = use_config()
_config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")


def extract_page(content: bytes, url: str) -> dict:
    """Main text and metadata of one page. Text is '' when trafilatura finds no article."""
    result = None
    if content and len(content) <= MAX_HTML_BYTES:
        result = trafilatura.extract(
            content, url=url, output_format="json", with_metadata=True,
            include_comments=False, include_tables=False, config=_config,
        )
    meta = json.loads(result) if result else {}
    return {
        "title": meta.get("title"),
        "text": (meta.get("text") or "").strip(),
        "date": meta.get("date"),
        "lang": meta.get("language"),
        "site_name": meta.get("source-hostname") or meta.get("hostname"),
    }


def articles_frame(pages: list[dict]) -> pl.DataFrame:
    """pages: dicts with url, feed_url, content (bytes), entry_title, entry_published_at, fetched_at."""
    rows = []
    for page in pages:
        meta = extract_page(page["content"], page["url"])
        rows.append({
            "url": page["url"],
            "feed_url": page.get("feed_url"),
            "title": meta["title"] or page.get("entry_title"),
            "page_date": meta["date"],
            "entry_published_at": page.get("entry_published_at"),
            "text": meta["text"],
            "lang": meta["lang"],
            "site_name": meta["site_name"],
            "fetched_at": page.get("fetched_at") or datetime.now(timezone.utc),
        })
    return finish_articles(pl.DataFrame(rows, schema_overrides={
        "page_date": pl.String,
        "entry_published_at": pl.Datetime("us", "UTC"),
        "fetched_at": pl.Datetime("us", "UTC"),
    }) if rows else pl.DataFrame(schema={**ARTICLE_SCHEMA, "page_date": pl.String, "entry_published_at": pl.Datetime("us", "UTC")}))


def finish_articles(df: pl.DataFrame) -> pl.DataFrame:
    """Derive ids, hashes and the publication time (the page's own date, else the feed's)."""
    page_date = pl.col("page_date").str.to_datetime("%Y-%m-%d", strict=False).dt.replace_time_zone("UTC")
    return df.with_columns(
        article_id=pl.col("url").map_elements(_sha32, return_dtype=pl.String),
        text_sha=pl.col("text").map_elements(_sha64, return_dtype=pl.String),
        published_at=pl.coalesce(pl.col("entry_published_at"), page_date),
    ).select(list(ARTICLE_SCHEMA))


def _sha32(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:32]


def _sha64(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()

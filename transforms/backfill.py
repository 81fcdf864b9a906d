"""Archive items (sources/archive.py) -> entry and article rows, the same shapes a live poll produces. Pure."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import polars as pl

from transforms.articles import ARTICLE_SCHEMA, PAGE_SCHEMA, finish_articles, html_to_text
from transforms.feeds import ENTRY_SCHEMA
from transforms.normalize import each


def entries_frame(items: pl.DataFrame) -> pl.DataFrame:
    """One raw.entries row per item, keyed like a feed's (feed + guid, the url standing in for the guid), so a
    replayed story is stored once and its provenance (file, feed) is kept."""
    keys = items.select(pl.concat_str("feed_url", pl.lit("\n"), "url")).to_series()
    return items.select(
        entry_id=each(keys, lambda s: hashlib.sha256(s.encode()).hexdigest()[:32]),
        feed_url="feed_url", guid="url", url="url", title="title", summary="summary",
        published_at=pl.coalesce("published_at", "crawled_at"), content=pl.lit(None, pl.String),
    ).cast(pl.Schema(ENTRY_SCHEMA)).unique("entry_id", keep="first", maintain_order=True)


def text_articles(items: pl.DataFrame, fetched_at: datetime | None = None) -> pl.DataFrame:
    """Articles of items that carry their text (a saved extraction) or only a title and summary: the text is
    the item's text, else its title and summary (a one-line brief is still news)."""
    fetched_at = fetched_at or datetime.now(timezone.utc)
    summary = each(items["summary"], html_to_text)
    body = pl.coalesce(pl.col("text"), pl.concat_str([pl.col("title"), summary], separator="\n\n", ignore_nulls=True))
    pages = items.select(
        url="url", feed_url="feed_url", title="title", page_date=pl.lit(None, pl.String),
        entry_published_at=pl.coalesce("published_at", "crawled_at"), text=body.fill_null(""),
        lang=pl.lit(None, pl.String), site_name=pl.lit(None, pl.String), page_type=pl.lit("article"),
        canonical_url=pl.lit(None, pl.String), fetched_at=pl.lit(fetched_at),
        **{c: pl.lit(None, PAGE_SCHEMA[c]) for c in ("entry_title", "entry_summary", "entry_content", "fetch_error",
                                                      "extract_failed")},
    ).cast(pl.Schema(PAGE_SCHEMA))
    # A saved extraction is the page's text; an entry's own text is its summary (with its title) or its title.
    sources = items.select("url", text_source=pl.when(pl.col("text").is_not_null()).then(pl.lit("page"))
                           .when(pl.col("summary").is_not_null()).then(pl.lit("summary")).otherwise(pl.lit("title")))
    articles = finish_articles(pages).drop("text_source").join(sources.unique("url"), on="url", how="left")
    # The archive vouches that these are stories; the prose test is for fetched pages of unknown kind.
    return articles.with_columns(is_article=pl.col("text").str.len_chars() > 0).select(list(ARTICLE_SCHEMA))


def page_items(items: pl.DataFrame) -> list[dict]:
    """Items with a saved page, as the page dicts transforms.articles.articles_frame takes."""
    return [{"url": r["url"], "feed_url": r["feed_url"], "content": r["html"], "entry_title": r["title"],
             "entry_published_at": r["published_at"], "crawled_at": r["crawled_at"]}
            for r in items.filter(pl.col("html").is_not_null()).to_dicts()]

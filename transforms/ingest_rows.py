"""Rows the ingest hands from one stage to the next, shaped here so the flow only wires (pure: no network, no
database, no Prefect): the pages whose text is extracted, and the quarantine rows of text extraction."""
from __future__ import annotations

import polars as pl

from transforms.isolate import FAILURE_SCHEMA, failure_quarantine


def pages_to_extract(batch: pl.DataFrame, fetched: list[dict]) -> list[dict]:
    """One dict per fetched page (url, content bytes, fetch_error; sources/fetching.settled_pages) with what its
    entry says: the text extractor's input. A page that could not be fetched comes along with its fetch error: its
    article's text is then its entry's feed text (transforms/articles.py)."""
    entries = {r["url"]: r for r in batch.to_dicts()}
    return [{**page, "feed_url": entries[page["url"]]["feed_url"],
             "entry_title": entries[page["url"]]["title"],
             "entry_published_at": entries[page["url"]]["published_at"],
             "entry_summary": entries[page["url"]].get("summary"),
             "entry_content": entries[page["url"]].get("content")}
            for page in fetched]


def text_quarantine(pages: list[dict], metas: list[dict], articles: pl.DataFrame) -> pl.DataFrame:
    """ops.quarantine rows of text extraction: the pages whose extraction raised (or killed its worker), and the
    pages that are no article (a navigation, video or error page) stored from their entries' feed text."""
    failures = pl.DataFrame([{"row_key": p["url"], "error_type": m["error_type"], "error_message": m["error_message"]}
                             for p, m in zip(pages, metas, strict=True) if "error_type" in m], schema=FAILURE_SCHEMA)
    not_articles = articles.filter((pl.col("page_error") == "not_an_article") & pl.col("is_article")).select(
        table_name=pl.lit("articles"), row_key="url", stage=pl.lit("extract_text"),
        expectations=pl.lit("not_an_article: the page is no story; its text is the feed entry's"),
        row_json=pl.struct("url", "title", "text_source").struct.json_encode())
    return pl.concat([failure_quarantine(failures, "articles", "extract_text", articles, key="url"), not_articles],
                     how="diagonal_relaxed")

"""The backfill flow: history from archives through the same stages as a poll, without the network.

source files (sources/archive) -> items -> text (trafilatura for saved pages, else the saved text or the feed's
title and summary) -> validate -> events (transforms/extract) -> validate -> load + merge (warehouse/stages).
Each source is one run in ops.runs (kind 'backfill'); each batch commits on its own, and stories already stored
are skipped, so a killed backfill resumes where it stopped and a repeated one adds nothing.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow
from prefect.context import FlowRunContext
from prefect.logging import get_logger

import expectations
from config.settings import Settings
from flows.workers import LazyPool
from sources.archive import Batch, read_source
from transforms.articles import articles_frame, extract_pages
from transforms.backfill import entries_frame, page_items, text_articles
from transforms.extract import extract_mentions
from transforms.feeds import parse_feed
from warehouse import db, stages

Progress = Callable[[str, dict], None]
MIN_PAGES_FOR_POOL = 16  # as in the ingest: below this, starting worker processes costs more than it saves


def _noop(_source: str, _counts: dict) -> None:
    return None


@flow(name="radar-backfill", log_prints=False, validate_parameters=False)
def backfill(sources: list[str], db_path: str, settings: Settings | None = None, since: date | None = None,
             until: date | None = None, alert: bool = False, progress: Progress | None = None) -> list[dict]:
    """Backfill every SOURCE into the warehouse at `db_path`; one counts dict per source."""
    expectations.prewarm()
    settings = settings or Settings.load()
    db.migrate(Path(db_path))
    with LazyPool(settings.extract_workers) as pool:  # saved pages are extracted in worker processes
        return [backfill_source(Path(s), Path(db_path), settings, since, until, alert, progress or _noop, pool)
                for s in sources]


def backfill_source(path: Path, db_path: Path, settings: Settings, since: date | None, until: date | None,
                    alert: bool, progress: Progress, pool: LazyPool) -> dict:
    run_id = uuid.uuid4().hex
    context = FlowRunContext.get()  # None when called as backfill.fn() (tests)
    flow_run = context.flow_run if context else None
    started = stages.start_run(db_path, run_id, str(flow_run.id) if flow_run else None, kind="backfill",
                               source=str(path))
    counts: dict[str, Any] = {"source": str(path), "run_id": run_id, "n_items": 0, "n_skipped": 0, "n_entries_new": 0,
              "n_articles_new": 0, "n_mentions_new": 0, "n_events_new": 0, "n_quarantined": 0}
    try:
        for batch in read_source(path):
            _record_errors(db_path, run_id, batch, counts)
            for version, content in batch.polls:   # successive versions of one feed, replayed as polls
                entries = _feed_entries(version, content, path)
                # Every entry of the version is written (new ones inserted, ones edited in place updated); only
                # stories not yet stored become articles.
                counts["n_entries_new"] += stages.record_entries(db_path, run_id, entries)
                _process(db_path, run_id, _entry_items(version, entries), settings, since, until,
                         None if alert else started, counts, progress, pool, entries_written=True)
            _process(db_path, run_id, batch.items, settings, since, until, None if alert else started, counts,
                     progress, pool)
    except BaseException as exc:
        stages.finish_run(db_path, run_id, "failed", counts, error=f"{type(exc).__name__}: {exc}")
        raise
    stages.finish_run(db_path, run_id, "completed", counts)
    get_logger("radar.backfill").info("backfill of %s: %s", path, counts)
    return counts


def _feed_entries(version: str, content: bytes, source: Path) -> pl.DataFrame:
    """The entries of one saved feed version. The feed is named by its directory (or file), so its versions
    share one identity: a replayed entry keeps its id (feed + guid) and is stored once."""
    parsed = parse_feed(content, f"archive:{source.name}")
    if parsed.error:
        get_logger("radar.backfill").warning("feed version %s is not usable: %s", version, parsed.error)
    return parsed.entries.filter(pl.col("url").is_not_null())


def _entry_items(version: str, entries: pl.DataFrame) -> pl.DataFrame:
    from sources.archive import ITEM_SCHEMA

    return entries.select(
        source=pl.lit(version), feed_url="feed_url", url="url", title="title", summary="summary",
        text=pl.lit(None, pl.String), html=pl.lit(None, pl.Binary), published_at="published_at",
        crawled_at=pl.lit(None, pl.Datetime("us", "UTC")),
    ).cast(pl.Schema(ITEM_SCHEMA))


def _in_window(items: pl.DataFrame, since: date | None, until: date | None) -> pl.DataFrame:
    when = pl.coalesce("published_at", "crawled_at")
    if since:
        items = items.filter(when.is_null() | (when >= datetime.combine(since, time.min, timezone.utc)))
    if until:
        items = items.filter(when.is_null() | (when <= datetime.combine(until, time.max, timezone.utc)))
    return items


def _process(db_path: Path, run_id: str, items: pl.DataFrame, settings: Settings, since, until,
             hold_since: datetime | None, counts: dict, progress: Progress, pool: LazyPool,
             entries_written: bool = False) -> None:
    items = _in_window(items, since, until).unique("url", keep="first", maintain_order=True)
    counts["n_items"] += items.height
    for chunk in items.iter_slices(settings.backfill_batch_size):
        stored = stages.stored_urls(db_path, chunk["url"].to_list())
        todo = chunk.filter(~pl.col("url").is_in(list(stored)))
        counts["n_skipped"] += chunk.height - todo.height
        if not todo.is_empty():
            _load_batch(db_path, run_id, todo, hold_since, counts, pool, entries_written)
        counts["n_done"] = counts.get("n_done", 0) + chunk.height
        progress(counts["source"], counts)


def _load_batch(db_path: Path, run_id: str, items: pl.DataFrame, hold_since: datetime | None, counts: dict,
                pool: LazyPool, entries_written: bool) -> None:
    pages = page_items(items)
    crawled = {p["url"]: p["crawled_at"] for p in pages}
    metas = extract_pages(pages, pool.get() if len(pages) >= MIN_PAGES_FOR_POOL else None)
    from_pages = articles_frame(pages, metas).with_columns(  # a WARC page's own date wins over its crawl date
        published_at=pl.coalesce("published_at", pl.col("url").replace_strict(crawled, default=None,
                                                                                return_dtype=pl.Datetime("us", "UTC"))))
    articles = pl.concat([from_pages, text_articles(items.filter(pl.col("html").is_null()))])
    articles, bad_articles = expectations.validate("articles", articles, key="url")
    mentions = extract_mentions(articles)
    mentions, bad_mentions = expectations.validate("mentions", mentions, key="mention_id")
    loaded = stages.load_article_batch(db_path, run_id, pl.DataFrame(schema=_fetch_schema()), articles, mentions,
                                       pl.concat([bad_articles, bad_mentions]),
                                       entries=None if entries_written else entries_frame(items),
                                       hold_alerts_since=hold_since)
    for name, value in loaded.items():
        counts[name] += value


def _fetch_schema() -> dict:
    from sources.polling import FETCH_SCHEMA  # nothing is fetched in a backfill: an empty fetch log
    return dict(FETCH_SCHEMA)


def _record_errors(db_path: Path, run_id: str, batch: Batch, counts: dict) -> None:
    """Records a source could not read (bad JSON, no URL, a corrupt WARC) are quarantined with the reason."""
    if not batch.errors:
        return
    rows = pl.DataFrame({"table_name": "backfill", "row_key": [w for w, _ in batch.errors],
                         "expectations": [reason for _, reason in batch.errors],
                         "row_json": [None] * len(batch.errors)},
                        schema=stages.QUARANTINE_SCHEMA)
    stages.quarantine(db_path, run_id, rows)
    counts["n_quarantined"] += rows.height

"""What each pipeline stage writes, one transaction per call. SQL lives in warehouse/sql/."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from warehouse import db

MAX_ARTICLE_ATTEMPTS = 3
QUARANTINE_SCHEMA = {"table_name": pl.String, "row_key": pl.String, "expectations": pl.String, "row_json": pl.String}
# Rows that raised in a per-article stage also say where and what (transforms/isolate.py).
QUARANTINE_COLUMNS = {**QUARANTINE_SCHEMA, "stage": pl.String, "error_type": pl.String, "error_message": pl.String,
                      "extractor_version": pl.String}


def _quarantine(frame: pl.DataFrame, run_id: str) -> pl.DataFrame:
    """Quarantine rows with every column upsert_quarantine.sql reads (those of failed expectations lack the
    stage and error columns)."""
    missing = [pl.lit(None, dtype=t).alias(c) for c, t in QUARANTINE_COLUMNS.items() if c not in frame.columns]
    # One row per key (a page whose extraction raised may also fail validation): the first, most specific, wins.
    return (frame.with_columns(*missing, run_id=pl.lit(run_id)).select(*QUARANTINE_COLUMNS, "run_id")
            .unique(["table_name", "row_key"], keep="first", maintain_order=True))


# The counts a run records in ops.runs (run_finish.sql); a kind of run that does not count one leaves it null.
RUN_COUNTS = ("n_feeds", "n_feeds_failed", "n_entries_new", "n_articles_new", "n_mentions_new", "n_events_new",
              "n_quarantined")


def now() -> datetime:
    return datetime.now(timezone.utc)


def start_run(path: Path, run_id: str, flow_run_id: str | None, kind: str = "poll",
              source: str | None = None) -> datetime:
    """Record the run and return its start; a run still 'running' was killed (runs never overlap), so it is
    marked abandoned."""
    started = now()
    with db.writing(path) as con:
        con.execute(db.sql_text("run_abandon"))
        con.execute(db.sql_text("run_start"), {"run_id": run_id, "flow_run_id": flow_run_id, "started_at": started,
                                               "kind": kind, "source": source})
    return started


def finish_run(path: Path, run_id: str, status: str, counts: dict, error: str | None = None) -> None:
    with db.writing(path) as con:
        con.execute(db.sql_text("run_finish"), {"run_id": run_id, "finished_at": now(), "status": status,
                                                "error": error, **{c: counts.get(c) for c in RUN_COUNTS}})


def feed_states(path: Path) -> dict[str, dict]:
    with db.read_only(path) as con:
        rows = con.execute(db.sql_text("feed_states")).fetchall()
    return {r[0]: {"etag": r[1], "last_modified": r[2], "consecutive_failures": r[3], "next_due_at": r[4]} for r in rows}


def rate_limits(path: Path) -> dict[str, datetime]:
    """Registrable domains that asked us (Retry-After) to stay away until a time still in the future."""
    with db.read_only(path) as con:
        rows = con.execute(db.sql_text("rate_limits_active")).fetchall()
    return dict(rows)


def record_rate_limits(path: Path, limits: pl.DataFrame) -> None:
    if limits.is_empty():
        return
    with db.writing(path) as con:
        db.load(con, "upsert_rate_limits", limits)


def record_feed_poll(path: Path, feeds: pl.DataFrame, fetches: pl.DataFrame, entries: pl.DataFrame,
                     quarantine: pl.DataFrame, limits: pl.DataFrame, run_id: str) -> int:
    """Feed states, the fetch log, rate limits, new and rejected entries in one transaction; returns new entries."""
    with db.writing(path) as con:
        db.load(con, "upsert_feeds", feeds)
        db.load(con, "upsert_rate_limits", limits)
        db.load(con, "insert_fetches", fetches)
        n_new = db.load(con, "insert_entries", entries.with_columns(first_seen_at=pl.lit(now()), run_id=pl.lit(run_id)))
        db.load(con, "upsert_quarantine", _quarantine(quarantine, run_id))
    return n_new


def pending_articles(path: Path, feed_urls: list[str]) -> pl.DataFrame:
    """Article urls of these feeds' stored entries not yet stored and still worth fetching (one row per url)."""
    with db.read_only(path) as con:
        con.register("incoming", pl.DataFrame({"feed_url": feed_urls}, schema={"feed_url": pl.String}))
        return db.frame(con, db.sql_text("pending_articles"), {"max_attempts": MAX_ARTICLE_ATTEMPTS})


def load_article_batch(path: Path, run_id: str, fetches: pl.DataFrame, articles: pl.DataFrame,
                       mentions: pl.DataFrame, quarantine: pl.DataFrame, entries: pl.DataFrame | None = None,
                       hold_alerts_since: datetime | None = None) -> dict:
    """Articles with their mentions, the fetch log and quarantine, then the touched events: all or nothing.
    A backfill also brings its `entries`, and holds back from alerts the events it found first."""
    stamp = {"run_id": pl.lit(run_id)}
    with db.writing(path) as con:
        n_entries = None
        if entries is not None:
            n_entries = db.load(con, "insert_entries", entries.with_columns(first_seen_at=pl.lit(now()), **stamp))
        db.load(con, "insert_fetches", fetches)
        n_articles = db.load(con, "insert_articles", articles.drop("is_article", strict=False).with_columns(**stamp))
        n_mentions = db.load(con, "insert_mentions", mentions.with_columns(extracted_at=pl.lit(now()), **stamp))
        db.load(con, "upsert_quarantine", _quarantine(quarantine, run_id))
        before = _count_events(con)
        db.load(con, "merge_events", mentions.select("event_key"))
        after = _count_events(con)
        if hold_alerts_since is not None and not mentions.is_empty():
            con.register("incoming", mentions.select("event_key"))
            con.execute(db.sql_text("hold_alerts"),
                        {"reason": "backfill", "run_id": run_id, "started_at": hold_alerts_since})
            con.unregister("incoming")
    counts = {"n_articles_new": n_articles, "n_mentions_new": n_mentions, "n_events_new": after - before,
              "n_quarantined": quarantine.height}
    return counts if n_entries is None else {**counts, "n_entries_new": n_entries}


def record_entries(path: Path, run_id: str, entries: pl.DataFrame) -> int:
    """Entries alone (a replayed feed version): new ones inserted, edited ones updated; returns new ones."""
    with db.writing(path) as con:
        return db.load(con, "insert_entries", entries.with_columns(first_seen_at=pl.lit(now()), run_id=pl.lit(run_id)))


def quarantine(path: Path, run_id: str, rows: pl.DataFrame) -> None:
    """Rows rejected before any table (an unreadable archive record), with the reason."""
    with db.writing(path) as con:
        db.load(con, "upsert_quarantine", _quarantine(rows, run_id))


def stored_urls(path: Path, urls: list[str]) -> set[str]:
    """The urls among these that are already stored as articles (a resumed or repeated backfill skips them)."""
    if not urls or not Path(path).exists():
        return set()
    with db.read_only(path) as con:
        con.register("incoming", pl.DataFrame({"url": urls}, schema={"url": pl.String}))
        return set(db.frame(con, db.sql_text("stored_urls"))["url"].to_list())


def articles_to_reextract(path: Path, extractor_version: str) -> pl.DataFrame:
    """Stored articles whose event extraction raised under an extractor version other than this one."""
    with db.read_only(path) as con:
        return db.frame(con, db.sql_text("articles_to_reextract"), {"version": extractor_version})


def load_reextracted(path: Path, run_id: str, article_ids: pl.Series, mentions: pl.DataFrame,
                     quarantine: pl.DataFrame) -> dict:
    """The mentions of articles extracted again: the ones that no longer raise leave the quarantine, the others
    are recorded with the current extractor version. One transaction."""
    still_failing = quarantine.filter((pl.col("table_name") == "mentions") & (pl.col("stage") == "extract_events"))
    recovered = pl.DataFrame({"article_id": article_ids}).filter(
        ~pl.col("article_id").is_in(still_failing["row_key"].to_list()))
    with db.writing(path) as con:
        n_mentions = db.load(con, "insert_mentions", mentions.with_columns(extracted_at=pl.lit(now()),
                                                                           run_id=pl.lit(run_id)))
        db.load(con, "upsert_quarantine", _quarantine(quarantine, run_id))
        db.load(con, "delete_recovered_extractions", recovered)
        before = _count_events(con)
        db.load(con, "merge_events", mentions.select("event_key"))
        after = _count_events(con)
    return {"n_mentions_new": n_mentions, "n_events_new": after - before, "n_quarantined": quarantine.height}


def reprocess_candidates(path: Path, since: datetime | None) -> pl.DataFrame:
    """Stored articles to re-extract (article_id, title, text, published_at), published (else fetched) since `since`."""
    with db.read_only(path) as con:
        return db.frame(con, db.sql_text("reprocess_articles"), {"since": since})


def reprocess_batch(path: Path, run_id: str, article_ids: list[str], mentions: pl.DataFrame,
                    quarantine: pl.DataFrame, types: list[str]) -> dict:
    """Replace these articles' mentions (of `types`, empty: all) with `mentions`, the current extractor's, and
    merge again only the events whose support changed; events left without any mention are deleted. One
    transaction. A mention found again keeps its row, so a rerun with the same extractor changes nothing."""
    with db.writing(path) as con:
        con.register("batch_articles", pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.String}))
        con.register("fresh_mentions", mentions.with_columns(extracted_at=pl.lit(now()), run_id=pl.lit(run_id)))
        removed = [r[0] for r in con.execute(db.sql_text("reprocess_remove_mentions"), {"types": types}).fetchall()]
        added = [r[0] for r in con.execute(db.sql_text("reprocess_add_mentions")).fetchall()]
        con.unregister("batch_articles")
        con.unregister("fresh_mentions")
        touched = pl.DataFrame({"event_key": sorted(set(removed) | set(added))}, schema={"event_key": pl.String})
        before = _count_events(con)
        existing = _count_existing(con, touched)
        db.load(con, "merge_events", touched)
        n_dropped = db.load(con, "reprocess_drop_orphan_events", touched)
        after = _count_events(con)
        db.load(con, "reprocess_quarantine", quarantine.with_columns(run_id=pl.lit(run_id)))
    n_added_events = after - before + n_dropped
    return {"n_mentions_removed": len(removed), "n_mentions_added": len(added), "n_events_added": n_added_events,
            "n_events_removed": n_dropped, "n_events_updated": existing - n_dropped, "n_quarantined": quarantine.height}


def _count_existing(con, keys: pl.DataFrame) -> int:
    if keys.is_empty():
        return 0
    con.register("touched_keys", keys)
    n = con.execute(db.sql_text("count_existing_events")).fetchall()[0][0]
    con.unregister("touched_keys")
    return n


def _count_events(con) -> int:
    return con.execute(db.sql_text("count_events")).fetchall()[0][0]

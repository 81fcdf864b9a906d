"""What each pipeline stage writes, one transaction per call. SQL lives in warehouse/sql/."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

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
    return {r[0]: {"etag": r[1], "last_modified": r[2], "consecutive_failures": r[3], "next_due_at": r[4]}
            for r in rows}


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
    frames = batch_frames(run_id, feeds=feeds, rate_limits=limits, fetches=fetches, entries=entries,
                          quarantine=quarantine)
    with db.writing(path) as con:
        return apply_batch(con, frames).get("entries", 0)


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
    frames = batch_frames(run_id, fetches=fetches, articles=articles, mentions=mentions, quarantine=quarantine,
                          entries=entries)
    with db.writing(path) as con:
        changed = apply_batch(con, frames)
        if hold_alerts_since is not None and not mentions.is_empty():
            con.register("incoming", mentions.select("event_key"))
            con.execute(db.sql_text("hold_alerts"),
                        {"reason": "backfill", "run_id": run_id, "started_at": hold_alerts_since})
            con.unregister("incoming")
    counts = {"n_articles_new": changed.get("articles", 0), "n_mentions_new": changed.get("mentions", 0),
              "n_events_new": changed["events_new"], "n_quarantined": quarantine.height}
    return counts if entries is None else {**counts, "n_entries_new": changed.get("entries", 0)}


# --------------------------------------------------------------------------- one batch, wherever it is written

# What one batch writes, in the order it is applied (feeds before their entries, articles before their mentions):
# frame name -> the warehouse/sql statement that loads it (its `incoming`) and the table it lands in. The embedded
# load (above) applies a batch at once; in distributed mode workers write the same frames to the landing zone
# (warehouse/landing.py) and the merger applies many batches' frames in one transaction.
BATCH_TABLES = {
    "feeds": ("upsert_feeds", "raw.feeds"),
    "rate_limits": ("upsert_rate_limits", "raw.rate_limits"),
    "fetches": ("insert_fetches", "raw.fetches"),
    "entries": ("insert_entries", "raw.entries"),
    "articles": ("insert_articles", "raw.articles"),
    "mentions": ("insert_mentions", "core.mentions"),
    "quarantine": ("upsert_quarantine", "ops.quarantine"),
    # Stored articles whose event extraction no longer raises (re-extracted after an extractor upgrade): their
    # quarantine rows go. After the quarantine: a batch's rows of one article are never in both.
    "recovered_extractions": ("delete_recovered_extractions", "ops.quarantine"),
}
# When many batches are applied at once, a key may come in more than one of them (a feed polled by two runs, a page
# fetched again before the first copy was merged): the first copy is kept where the statement inserts only new
# rows, the last where it updates (as applying the batches one after the other would leave them).
BATCH_KEYS: dict[str, tuple[list[str], Literal['first', 'last']]] = {
    "feeds": (["feed_url"], "last"), "rate_limits": (["domain"], "last"), "fetches": (["fetch_id"], "first"),
    "entries": (["entry_id"], "last"), "articles": (["article_id"], "first"), "mentions": (["mention_id"], "first"),
    "quarantine": (["table_name", "row_key"], "last"), "recovered_extractions": (["article_id"], "first"),
}


def batch_frames(run_id: str, *, feeds: pl.DataFrame | None = None, rate_limits: pl.DataFrame | None = None,
                 fetches: pl.DataFrame | None = None, entries: pl.DataFrame | None = None,
                 articles: pl.DataFrame | None = None, mentions: pl.DataFrame | None = None,
                 quarantine: pl.DataFrame | None = None,
                 recovered_extractions: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    """A batch's frames stamped as the warehouse stores them (run id, entries' first sighting, mentions' extraction
    time, quarantine columns), keyed as BATCH_TABLES; frames that are absent or empty are left out. Articles keep
    `is_article`, which their suite checks and apply_batch leaves out."""
    at, stamp = pl.lit(now()), {"run_id": pl.lit(run_id)}
    frames = {
        "feeds": feeds, "rate_limits": rate_limits, "fetches": fetches,
        "entries": None if entries is None else entries.with_columns(first_seen_at=at, **stamp),
        "articles": None if articles is None else articles.with_columns(**stamp),
        "mentions": None if mentions is None else mentions.with_columns(extracted_at=at, **stamp),
        "quarantine": None if quarantine is None else _quarantine(quarantine, run_id),
        "recovered_extractions": recovered_extractions,
    }
    return {name: frame for name, frame in frames.items() if frame is not None and not frame.is_empty()}


def apply_batch(con, frames: dict[str, pl.DataFrame]) -> dict[str, int]:
    """Load batch_frames() output in an open write transaction, then rebuild the events its mentions touch.
    Returns the rows each statement changed, and `events_new`."""
    if "articles" in frames:  # a backfill's articles may come without the flag
        frames = {**frames, "articles": frames["articles"].drop("is_article", strict=False)}
    changed = {name: db.load(con, statement, frames[name]) for name, (statement, _) in BATCH_TABLES.items()
               if name in frames}
    changed["events_new"] = 0
    if "mentions" in frames:
        before = _count_events(con)
        db.load(con, "merge_events", frames["mentions"].select("event_key"))
        changed["events_new"] = _count_events(con) - before
    return changed


def load_batch(path: Path, run_id: str, batch_id: str, frames: dict[str, pl.DataFrame],
               hold_alerts_since: datetime | None = None, landed: tuple[str, str] | None = None) -> dict:
    """THE write seam of the pipeline: all the rows of one batch of a run, in one call, all or nothing.

    `frames` maps names of BATCH_TABLES to plain polars frames, as the stages made them: a feed poll brings feeds
    (their states), rate_limits, fetches, entries and quarantine; a batch of pages brings rate_limits, fetches,
    articles, mentions and quarantine; stored articles extracted again (flows.ingest.retry_failed_extractions)
    bring mentions, quarantine and recovered_extractions. The mentions' events are merged in the same transaction.
    Idempotent: every table is keyed on its natural key, so the same batch again adds nothing. `batch_id` (unique
    within the run) names the batch where batches are kept apart: in distributed mode this call is preceded by
    `warehouse.landing.write_batch(root, run_id, batch_id, batch_frames(run_id, **frames))`, and the merger
    applies the landed batches with apply_batch. A backfill holds back from alerts the events it found first.
    `landed` (landing root, attempt): a distributed worker landed the batch first; its own file records that it
    holds it (ops.landing_batches), in the same transaction, so a rerun knows which landed batches it lacks.

    Returns the new rows: n_entries_new (when entries came), n_articles_new, n_mentions_new, n_events_new, and
    n_quarantined."""
    unknown = set(frames) - set(BATCH_TABLES)
    if unknown:
        raise ValueError(f"batch {batch_id}: no table {sorted(unknown)} (known: {', '.join(BATCH_TABLES)})")
    with db.writing(path) as con:
        changed = apply_batch(con, batch_frames(run_id, **frames))
        mentions = frames.get("mentions")
        if hold_alerts_since is not None and mentions is not None and not mentions.is_empty():
            con.register("incoming", mentions.select("event_key"))
            con.execute(db.sql_text("hold_alerts"),
                        {"reason": "backfill", "run_id": run_id, "started_at": hold_alerts_since})
            con.unregister("incoming")
        if landed is not None:
            at = now()
            db.load(con, "insert_landing_batches", pl.DataFrame([{
                "run_id": run_id, "batch_id": batch_id, "attempt": landed[1], "landing_root": landed[0],
                "written_at": at, "merged_at": at, "merge_id": run_id}]))
    counts = {"n_articles_new": changed.get("articles", 0), "n_mentions_new": changed.get("mentions", 0),
              "n_events_new": changed["events_new"],
              "n_quarantined": frames["quarantine"].height if "quarantine" in frames else 0}
    return counts if "entries" not in frames else {"n_entries_new": changed.get("entries", 0), **counts}


def run_releases(path: Path, run_id: str) -> pl.DataFrame:
    """The model releases this run found first (org, model, open_weights, event_date)."""
    return db.query(path, db.sql_text("run_releases"), {"run_id": run_id})


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


# --------------------------------------------------------------------------- merging the landing zone

def last_merged_version(path: Path, landing_root: str) -> int | None:
    """The version of the landing zone's markers table that the last merge from `landing_root` read."""
    with db.read_only(path) as con:
        rows = con.execute(db.sql_text("landing_last_version"), {"landing_root": landing_root}).fetchall()
    return rows[0][0]


def unmerged_batches(path: Path, batches: pl.DataFrame) -> pl.DataFrame:
    """The landed batches (warehouse.landing.committed_batches rows) this warehouse does not hold yet."""
    if batches.is_empty():
        return batches
    merged = merged_batches(path)
    return batches.join(merged, on=["run_id", "batch_id"], how="anti", maintain_order="left")


def unfinished_runs(path: Path) -> list[str]:
    """Poll runs since the last completed one that did not complete (killed, stopped or failed midway)."""
    with db.read_only(path) as con:
        return [row[0] for row in con.execute(db.sql_text("runs_unfinished")).fetchall()]


def merged_batches(path: Path) -> pl.DataFrame:
    """(run_id, batch_id) of every landed batch this warehouse holds (none before migration 018a)."""
    with db.read_only(path) as con:
        if not con.execute(db.sql_text("landing_batches_exist")).fetchall():
            return pl.DataFrame(schema={"run_id": pl.String, "batch_id": pl.String})
        return db.frame(con, db.sql_text("landing_merged_batches"))


def merge_landed(path: Path, landing_root: str, markers_version: int | None, batches: pl.DataFrame,
                 frames: dict[str, pl.DataFrame]) -> dict:
    """Apply landed batches to the warehouse in ONE transaction, recording them (ops.landing_batches) and the
    markers version read (ops.landing_merges) in that same transaction: a merge killed midway leaves nothing, and
    a batch is never applied twice. `markers_version` is None for a transaction that is not the last of a merge
    (the version is not merged to its end yet). `frames` are the batches' frames concatenated in landing order
    (validated); duplicate keys across batches are resolved as BATCH_KEYS says."""
    merge_id = uuid.uuid4().hex
    frames = {name: frame.unique(BATCH_KEYS[name][0], keep=BATCH_KEYS[name][1], maintain_order=True)
              for name, frame in frames.items()}
    record = batches.select("run_id", "batch_id", "attempt", "written_at").with_columns(
        landing_root=pl.lit(landing_root), merge_id=pl.lit(merge_id), merged_at=pl.lit(now()))
    with db.writing(path, bulk=True) as con:
        con.register("incoming", record.select("run_id", "batch_id"))
        again = con.execute(db.sql_text("landing_already_merged")).fetchall()[0][0]
        con.unregister("incoming")
        if again:
            raise RuntimeError(f"{again} of these landed batches are already merged: another merger ran")
        changed = apply_batch(con, frames)
        db.load(con, "insert_landing_batches", record)
        counts = {"n_batches": batches.height, "n_entries_new": changed.get("entries", 0),
                  "n_articles_new": changed.get("articles", 0), "n_mentions_new": changed.get("mentions", 0),
                  "n_events_new": changed["events_new"],
                  "n_quarantined": frames["quarantine"].height if "quarantine" in frames else 0}
        con.execute(db.sql_text("insert_landing_merge"),
                    {"merge_id": merge_id, "landing_root": landing_root, "markers_version": markers_version,
                     "merged_at": now(), **{k: v for k, v in counts.items() if k != "n_entries_new"}})
    return {"merge_id": merge_id, **counts}

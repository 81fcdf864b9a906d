"""The merger: the one writer of the warehouse in distributed mode (docs/scale-out.md). Thin wiring only.

Workers on any number of machines land their batches in Delta tables (warehouse/landing.py). One `radar-merge`
run (deployment concurrency 1, and the warehouse's writer lock) reads the batches landed since the version of the
markers table it last merged, validates them with the same expectations as the ingest flow, applies them with
the same SQL in one DuckDB transaction that also records what it merged (warehouse/stages.py: merge_landed),
then sends the alerts through the outbox and republishes the read snapshot. Killed at any point and run again,
it ends with the same warehouse as one clean merge. `radar-landing-compact` keeps the landing store small.
"""
from __future__ import annotations

from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

import expectations
from alerts.outbox import check_alert_urls
from config.settings import Settings
from flows.alert import send_alerts
from transforms.isolate import failure_quarantine, isolating
from warehouse import db, landing, stages
from warehouse.lock import writer_lock
from warehouse.snapshot import publish_read_snapshot

# Articles per DuckDB transaction (their text is held in memory at once), whatever the size of the batches: a
# transaction takes whole batches until it holds this many.
MAX_ARTICLES_PER_MERGE = 50_000
# The frames validated again, with their key column (the suites of expectations/).
VALIDATED = {"entries": "entry_id", "articles": "url", "mentions": "mention_id"}


def validate_landed(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The frames with the rows that fail their suite moved to the quarantine (stamped with their own run's id),
    and the mentions of an article that failed left out with it."""
    rejected = []
    landed_articles = frames.get("articles")
    for name, key in VALIDATED.items():
        if name not in frames:
            continue
        parts = []
        for part in _validated_together(frames[name], [key, *stages.BATCH_KEYS[name][0]]):
            checked, failures = isolating(partial(expectations.validate, name, key=key), part, key)
            parts += [valid for valid, _ in checked]
            bad = pl.concat([q for _, q in checked]
                            + [failure_quarantine(failures, name, f"validate_{name}", part, key)],
                            how="diagonal_relaxed")
            if not bad.is_empty():
                rejected.append(_stamped_with_own_run(bad))
        frames[name] = pl.concat(parts) if parts else frames[name].clear()
    if landed_articles is not None and "mentions" in frames:
        # an article can fail only here (its worker validated it too, against the same suite): rare
        failed = landed_articles.join(frames["articles"], on="article_id", how="anti")
        frames["mentions"] = frames["mentions"].join(failed, on="article_id", how="anti")
    if rejected:
        frames["quarantine"] = pl.concat([frames.get("quarantine", rejected[0].clear()), *rejected],
                                         how="diagonal_relaxed")
    return {name: frame for name, frame in frames.items() if not frame.is_empty()}


def _validated_together(frame: pl.DataFrame, keys: list[str]) -> list[pl.DataFrame]:
    """A table's rows cut into the parts that one GX call each validates: a suite is checked per landed run (its
    uniqueness expectation is the run's: a page fetched by two runs is valid in each), but a GX call costs ~0.4
    CPU-s whatever its rows (measured), and a backlog holds a run per worker and poll. So when no key is in two
    runs, which makes every verdict the same as per run, the runs go in one call, in the same order."""
    runs = [part for _, part in frame.group_by("run_id", maintain_order=True)]
    if len(runs) < 2 or any(frame.select(k, "run_id").unique()[k].is_duplicated().any() for k in dict.fromkeys(keys)):
        return runs
    return [pl.concat(runs)]


def _stamped_with_own_run(bad: pl.DataFrame) -> pl.DataFrame:
    """Quarantine rows as their own run stores them (stages.batch_frames); row_json, the landed row, has its run."""
    bad = bad.with_columns(_run=pl.col("row_json").str.json_path_match("$.run_id"))
    return pl.concat([stages.batch_frames(run_id, quarantine=part)["quarantine"]
                      for (run_id,), part in bad.group_by("_run", maintain_order=True)])


@task(name="merge-landed-batches", cache_policy=NO_CACHE)
def merge_new_batches(landing_root: str, db_path: str, max_articles: int = MAX_ARTICLES_PER_MERGE) -> dict:
    """Merge every batch landed up to the markers table's current version and not merged yet, in transactions of
    about `max_articles` articles; returns totals. Nothing to do when the version is the one the last merge read.

    Only the last transaction records the version: a merge stopped between two leaves the rest to the next one.
    """
    totals: dict[str, Any] = {"n_batches": 0, "n_entries_new": 0, "n_articles_new": 0, "n_mentions_new": 0,
                              "n_events_new": 0, "n_quarantined": 0, "n_merges": 0}
    version = landing.markers_version(landing_root)
    last = stages.last_merged_version(Path(db_path), landing_root)
    totals["markers_version"], totals["previous_version"] = version, last
    if version is None or version == last:
        return totals
    batches = stages.unmerged_batches(Path(db_path), landing.committed_batches(landing_root, version))
    if not batches.is_empty():
        expectations.prewarm()  # the GX import (seconds) overlaps with reading the landing zone
    start = pl.col("n_articles").cum_sum() - pl.col("n_articles")  # a batch's first article, counted in the backlog
    chunks = batches.with_columns(_tx=start // max_articles).partition_by("_tx", maintain_order=True, include_key=False)
    chunks = chunks or [batches]  # no new batch: the version is recorded all the same
    for i, chunk in enumerate(chunks):
        frames = validate_landed(landing.read_batches(landing_root, chunk))
        is_last = i == len(chunks) - 1
        counts = stages.merge_landed(Path(db_path), landing_root, version if is_last else None, chunk, frames)
        counts.pop("merge_id")
        for name, value in counts.items():
            totals[name] += value
        totals["n_merges"] += 1
    return totals


@flow(name="radar-merge", log_prints=False)
def merge_landing(landing_root: str, db_path: str, config_file: str | None = None,
                  max_articles: int = MAX_ARTICLES_PER_MERGE) -> dict:
    """Merge the landing zone at LANDING_ROOT into the warehouse at DB_PATH, send due alerts, publish the read
    snapshot. Holds the warehouse's writer lock throughout (WarehouseBusy at once if another process writes)."""
    with writer_lock(db_path):
        settings = Settings.load(Path(config_file) if config_file else None)
        check_alert_urls(settings.alert_urls)
        db.migrate(db_path)
        counts = merge_new_batches(landing_root, db_path, max_articles)
        alert_counts = send_alerts(db_path=db_path, settings=settings)
        snapshot = None
        if counts["n_batches"] or alert_counts["n_sent"] or alert_counts["n_failed"] or alert_counts["n_unknown"]:
            snapshot = str(publish_read_snapshot(db_path))
        get_run_logger().info("merged %d landed batches (%d new articles, %d new mentions, %d new events)",
                              counts["n_batches"], counts["n_articles_new"], counts["n_mentions_new"],
                              counts["n_events_new"])
    return {**counts, "alerts": alert_counts, "read_snapshot": snapshot}


@flow(name="radar-landing-compact", log_prints=False)
def compact_landing(landing_root: str, db_path: str | None = None, grace_hours: float = 6.0,
                    retention_hours: int = 24) -> dict:
    """Compact the landing zone: with the warehouse given, drop the runs it has merged entirely (landed more than
    `grace_hours` ago), then merge small files and delete files older than `retention_hours` no version needs."""
    merged = stages.merged_batches(Path(db_path)) if db_path and Path(db_path).exists() else None
    return landing.compact(landing_root, merged, grace=timedelta(hours=grace_hours), retention_hours=retention_hours)

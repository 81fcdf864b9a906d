"""`radar reprocess`: extract events again from the article texts already stored, with the current extractor.

When the rules improve, nothing needs fetching again: each batch of stored articles goes through
extract_mentions and the mentions suite again, and one write transaction replaces the batch's mentions and
re-merges the events whose support changed (warehouse/stages.py: reprocess_batch). Event keys come from the
event's fields, not from the run, so an event found again keeps its key and its ops.alerts rows: an event already
alerted is not alerted again; a newly found one is queued by the next alert pass (`radar run`), under the usual
alert rules (news older than max_age_days stays unalerted). An event left without any mention is deleted from
core.events (and the marts); its ops.alerts rows stay as history.
"""
from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from cli.output import console, day_start
from cli.output import fail as _fail

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.", envvar="RADAR_DB_PATH")]
DEFAULT_DB = Path("warehouse/radar.duckdb")
DEFAULT_BATCH = 1000




def reprocess(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option("--since", help="Only articles published (else fetched) on or "
                                                                  "after this date, YYYY-MM-DD.")] = None,
    types: Annotated[list[str] | None, typer.Option("--type", help="Only this event type (repeatable), e.g. "
                                                                  "funding; other types' mentions are kept.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles per write transaction.")] = DEFAULT_BATCH,
) -> None:
    """Re-extract events from the stored article texts with the current extractor, without fetching anything.

    Replaces each article's mentions, re-merges its events, deletes events no mention supports any more.
    Idempotent: a second run with the same extractor changes nothing. Alerts already sent are not sent again.
    """
    from expectations.mentions import EVENT_TYPES
    from transforms.extract import EXTRACTOR_VERSION

    since_at = day_start(since, "--since")
    unknown = sorted(set(types or ()) - set(EVENT_TYPES))
    if unknown:
        _fail(f"unknown --type {', '.join(unknown)}: use one of {', '.join(EVENT_TYPES)}")
    if batch_size < 1:
        _fail(f"--batch-size must be at least 1, got {batch_size}")
    if not db.is_file():
        _fail(f"no warehouse at {db}: run `radar run` or `radar demo` first")
    from cli.common import claim_warehouse

    claim_warehouse(ctx, db, wait=False)  # one writer at a time: a running poll would interleave with it
    totals = run_reprocess(db, since_at, list(types or ()), batch_size)
    console.print(
        f"Reprocessed {totals['n_articles']} articles with extractor {EXTRACTOR_VERSION} in {totals['n_batches']} "
        f"batches: mentions {totals['n_mentions_before']} -> {totals['n_mentions_after']} "
        f"({totals['n_mentions_added']} added, {totals['n_mentions_removed']} removed), events "
        f"{totals['n_events_added']} added, {totals['n_events_removed']} removed, {totals['n_events_updated']} updated"
        + (f", {totals['n_quarantined']} mentions quarantined" if totals["n_quarantined"] else "")
        + (f"; {totals['n_failed_articles']} articles the extractor failed on were left as they were"
           if totals["n_failed_articles"] else "") + ".",
        highlight=False)
    if totals["n_events_added"]:
        console.print("New events are alerted by the next alert pass (radar run), under the alert rules.",
                      highlight=False)


def run_reprocess(db_path: Path, since: datetime | None, types: list[str], batch_size: int = DEFAULT_BATCH) -> dict:
    """Reprocess every stored article (since `since`) in batches; returns the totals."""
    import polars as pl

    import expectations
    from flows import progress
    from warehouse import db, reads, stages

    db.migrate(db_path)
    run_id = f"reprocess-{uuid.uuid4().hex}"
    articles = stages.reprocess_candidates(db_path, since)
    totals = {"n_articles": articles.height, "n_batches": 0, "n_failed_articles": 0,
              "n_mentions_before": reads.count_mentions(db_path, types),
              "n_mentions_added": 0, "n_mentions_removed": 0, "n_events_added": 0, "n_events_removed": 0,
              "n_events_updated": 0, "n_quarantined": 0}
    with progress.display({"articles": articles.height}):
        for batch in articles.iter_slices(batch_size):
            mentions, failed = _extract(batch)
            if types:
                mentions = mentions.filter(pl.col("type").is_in(types))
            mentions, quarantined = expectations.validate("mentions", mentions, key="mention_id")
            ids = batch.filter(~pl.col("article_id").is_in(failed))["article_id"].to_list()
            counts = stages.reprocess_batch(db_path, run_id, ids, mentions, quarantined, types)
            for name, value in counts.items():
                totals[name] += value
            totals["n_batches"] += 1
            totals["n_failed_articles"] += len(failed)
            progress.advance("articles", batch.height)
            progress.advance("events", counts["n_events_added"])
    totals["n_mentions_after"] = reads.count_mentions(db_path, types)
    return totals


def _extract(batch):
    """The batch's mentions and the ids of the articles the extractor raised on (their mentions stay as they are):
    one bad text costs only itself."""
    import polars as pl

    from transforms.extract import MENTION_SCHEMA, extract_mentions

    try:
        return extract_mentions(batch), []
    except Exception:  # noqa: BLE001 - find the article(s) to blame, one at a time
        found, failed = [], []
        for one in batch.iter_slices(1):
            try:
                found.append(extract_mentions(one))
            except Exception:  # noqa: BLE001
                failed.append(one["article_id"][0])
        return pl.concat(found or [pl.DataFrame(schema=MENTION_SCHEMA)]), failed


def register(app: typer.Typer) -> None:
    app.command(name="reprocess")(reprocess)

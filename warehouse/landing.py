"""The landing zone: where workers on many machines write their batches when one DuckDB file cannot take them all.

DuckDB has one writing process. In distributed mode a worker writes each batch's frames (the output of
warehouse.stages.batch_frames: feeds, rate limits, fetches, entries, articles, mentions, quarantine) to Delta Lake
tables under a root (a local directory, or an object-store URI that deltalake understands: s3://, gs://, az://
with `storage_options`), and one merger (flows/merge.py) applies them to the warehouse. Delta appends are
conflict-free, so any number of writers share a root without coordinating.

Layout under the root: one Delta table per frame name (`<root>/mentions`, ...), partitioned by `_run_id`, each row
carrying `_batch_id` and `_attempt`; and `<root>/batches`, one row per batch whose frames were all written (the
batch's commit marker, with the row count of every frame).

A batch is visible only through its marker, written last: a worker killed mid-batch leaves rows of an attempt that
no marker names, which the merger never reads and compaction removes. Writing a batch whose marker exists writes
nothing (idempotent). A worker killed after a marker, before loading the batch into its own file, loads it from
here on its next run (flows.ingest.load_landed_batches) rather than fetching it again. Two writers racing on the
same batch may both commit a marker: readers take the earliest (`committed_batches`), so one attempt's rows are
the batch.
"""
from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any

import duckdb
import polars as pl

from warehouse import db
from warehouse.stages import BATCH_TABLES

MARKERS = "batches"
LANDING_KEYS = ("_run_id", "_batch_id", "_attempt")  # which batch, and which attempt at writing it
LANDING_COLUMNS = (*LANDING_KEYS, "_row")  # _row: the row's place in its frame
MARKER_SCHEMA: dict[str, Any] = {"run_id": pl.String, "batch_id": pl.String, "attempt": pl.String,
                 "written_at": pl.Datetime("us", "UTC"), "host": pl.String, "pid": pl.Int64,
                 **{f"n_{name}": pl.Int64 for name in BATCH_TABLES}}


def table_uri(root: str, name: str) -> str:
    return f"{str(root).rstrip('/')}/{name}"


@cache
def warehouse_schema(name: str) -> dict[str, pl.DataType]:
    """Column types of the warehouse table a frame lands in (from the migrations, in an in-memory database): the
    landing tables keep them, so a column that is all null in one batch (Null in polars) has its real type."""
    con = duckdb.connect()
    try:
        for script in sorted(db.MIGRATIONS.iterdir(), key=lambda p: p.name):
            if script.name.endswith(".sql"):
                con.execute(script.read_text(encoding="utf-8"))
        return dict(db.frame(con, f"select * from {BATCH_TABLES[name][1]} limit 0").schema)
    finally:
        con.close()


def _typed(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    types = warehouse_schema(name)
    return frame.with_columns(
        pl.col(c).cast(types.get(c, pl.String if dtype == pl.Null else dtype)) for c, dtype in frame.schema.items())


def _read(root: str, name: str, storage_options: dict | None, version: int | None = None) -> pl.LazyFrame | None:
    """The table as a lazy frame, or None when nothing was ever written to it."""
    from deltalake import DeltaTable
    from deltalake.exceptions import TableNotFoundError

    try:
        table = DeltaTable(table_uri(root, name), version=version, storage_options=storage_options)
    except TableNotFoundError:
        return None
    return pl.scan_delta(table)


def _append(root: str, name: str, frame: pl.DataFrame, partition: str, storage_options: dict | None) -> None:
    from deltalake import write_deltalake

    write_deltalake(table_uri(root, name), frame.to_arrow(), mode="append", partition_by=[partition],
                    schema_mode="merge", storage_options=storage_options)


def write_batch(root: str, run_id: str, batch_id: str, frames: dict[str, pl.DataFrame],
                storage_options: dict | None = None) -> str | None:
    """Land one batch (frames as warehouse.stages.batch_frames returns them) under `root`; returns the attempt
    written (its marker's id), or None when that (run_id, batch_id) was already landed and nothing was written."""
    unknown = set(frames) - set(BATCH_TABLES)
    if unknown:
        raise ValueError(f"no landing table for {sorted(unknown)}; known: {', '.join(BATCH_TABLES)}")
    if is_landed(root, run_id, batch_id, storage_options):
        return None
    attempt = uuid.uuid4().hex
    keys = {"_run_id": pl.lit(run_id), "_batch_id": pl.lit(batch_id), "_attempt": pl.lit(attempt),
            "_row": pl.int_range(pl.len(), dtype=pl.Int64)}
    for name, frame in frames.items():
        if not frame.is_empty():
            _append(root, name, _typed(name, frame).with_columns(**keys), "_run_id", storage_options)
    marker = {"run_id": run_id, "batch_id": batch_id, "attempt": attempt, "written_at": datetime.now(timezone.utc),
              "host": socket.gethostname(), "pid": os.getpid(),
              **{f"n_{name}": frames[name].height if name in frames else 0 for name in BATCH_TABLES}}
    _append(root, MARKERS, pl.DataFrame([marker], schema=MARKER_SCHEMA), "run_id", storage_options)
    return attempt


def is_landed(root: str, run_id: str, batch_id: str, storage_options: dict | None = None) -> bool:
    markers = _read(root, MARKERS, storage_options)
    if markers is None:
        return False
    found = markers.filter((pl.col("run_id") == run_id) & (pl.col("batch_id") == batch_id)).select(pl.len())
    return found.collect().item() > 0


def markers_version(root: str, storage_options: dict | None = None) -> int | None:
    """The Delta version of the markers table (None: no batch landed yet). Batches are read as of a version."""
    from deltalake import DeltaTable
    from deltalake.exceptions import TableNotFoundError

    try:
        return DeltaTable(table_uri(root, MARKERS), storage_options=storage_options).version()
    except TableNotFoundError:
        return None


def committed_batches(root: str, version: int | None = None, storage_options: dict | None = None,
                      run_ids: list[str] | None = None) -> pl.DataFrame:
    """One marker per landed batch as of `version` (default: the latest), of these runs only when `run_ids` is
    given, the earliest attempt when a batch was landed twice at once, in landing order (written_at, then ids)."""
    markers = _read(root, MARKERS, storage_options, version)
    if markers is None:
        return pl.DataFrame(schema=MARKER_SCHEMA)
    if run_ids is not None:
        markers = markers.filter(pl.col("run_id").is_in(run_ids))
    present = markers.collect_schema().names()  # a root landed before a frame existed has no count for it
    missing = [pl.lit(0, dtype=pl.Int64).alias(c) for c in MARKER_SCHEMA if c not in present]
    return (markers.with_columns(missing).select(*MARKER_SCHEMA).sort("written_at", "run_id", "batch_id", "attempt")
            .unique(["run_id", "batch_id"], keep="first", maintain_order=True).collect())


def read_batches(root: str, batches: pl.DataFrame, storage_options: dict | None = None) -> dict[str, pl.DataFrame]:
    """The frames of these batches (rows of committed_batches), per table, in the order of `batches`, without the
    landing columns. Raises LandingMismatch when a table holds another number of rows than a marker says."""
    if batches.is_empty():
        return {}
    chosen = batches.select(_run_id="run_id", _batch_id="batch_id", _attempt="attempt",
                            _order=pl.int_range(pl.len()))
    runs, attempts = chosen["_run_id"].unique().to_list(), chosen["_attempt"].to_list()
    frames = {}
    for name in BATCH_TABLES:
        expected = int(batches[f"n_{name}"].sum())
        table = _read(root, name, storage_options)
        if table is None:
            if expected:
                raise LandingMismatch(f"{name}: the markers name {expected} rows, but the table does not exist")
            continue
        # Partition pruning reads only these runs' files, and of those only these attempts' (a file written by
        # write_batch holds one attempt, so its statistics rule it out): a merge reads its batches, not every batch
        # of a long run again. Compacted files hold many attempts; the filter is then exact, just not a pruning.
        rows = (table.filter(pl.col("_run_id").is_in(runs) & pl.col("_attempt").is_in(attempts))
                .join(chosen.lazy(), on=list(LANDING_KEYS), how="inner")
                .sort("_order", "_row").drop(*LANDING_COLUMNS, "_order").collect())
        if rows.height != expected:
            raise LandingMismatch(f"{name}: the markers name {expected} rows, the landing table holds {rows.height}")
        if rows.height:
            frames[name] = rows
    return frames


class LandingMismatch(RuntimeError):
    """A landed batch's rows do not match its marker (files removed by hand, or a vacuum too early)."""


def compact(root: str, merged: pl.DataFrame | None = None, grace: timedelta = timedelta(hours=6),
            retention_hours: int = 24, storage_options: dict | None = None) -> dict:
    """Keep the landing store small: drop runs already merged, then compact small files and vacuum old ones.

    `merged` (run_id, batch_id) are the batches the warehouse holds (ops.landing_batches). A run is dropped, its
    marker and every row of it (orphans of killed attempts included), when all its landed batches are merged and
    its last batch landed more than `grace` ago (a run still writing keeps its rows). Files that no version
    needs any more are deleted once older than `retention_hours` (a merger reading an older version meanwhile
    keeps its files).
    """
    from deltalake import DeltaTable
    from deltalake.exceptions import TableNotFoundError

    report = {"runs_dropped": 0, "files_compacted": 0, "files_vacuumed": 0}
    done_runs: list[str] = []
    markers = committed_batches(root, storage_options=storage_options)
    if merged is not None and not markers.is_empty():
        cutoff = datetime.now(timezone.utc) - grace
        merged_keys = merged.select("run_id", "batch_id").with_columns(merged=pl.lit(True))
        per_run = (markers.join(merged_keys, on=["run_id", "batch_id"], how="left")
                   .group_by("run_id").agg(all_merged=pl.col("merged").fill_null(False).all(),
                                           last=pl.col("written_at").max()))
        done_runs = per_run.filter(pl.col("all_merged") & (pl.col("last") < cutoff))["run_id"].sort().to_list()
    for name in [*BATCH_TABLES, MARKERS]:
        try:
            table = DeltaTable(table_uri(root, name), storage_options=storage_options)
        except TableNotFoundError:
            continue
        if done_runs:
            column = "run_id" if name == MARKERS else "_run_id"
            listed = ", ".join("'" + r.replace("'", "''") + "'" for r in done_runs)
            table.delete(f"{column} in ({listed})")
        metrics = table.optimize.compact()
        report["files_compacted"] += metrics.get("numFilesRemoved", 0)
        report["files_vacuumed"] += len(table.vacuum(retention_hours=retention_hours, dry_run=False,
                                                     enforce_retention_duration=False))
    report["runs_dropped"] = len(done_runs)
    return report

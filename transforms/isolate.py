"""One bad row costs only itself: run a batch function, and when it raises, find the rows that make it raise.

Per-article stages (event extraction, each validation) are batch functions over a polars frame. A clean batch is
one call, as fast as ever. When the call raises, the batch is split in halves and each half tried again, down to
the single rows that raise on their own: those come back as failures, everything else as results. Pure: no
network, no database.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

import polars as pl

T = TypeVar("T")

MAX_MESSAGE_CHARS = 2_000
FAILURE_SCHEMA = {"row_key": pl.String, "error_type": pl.String, "error_message": pl.String}
# ops.quarantine rows for rows that raised (warehouse/sql/upsert_quarantine.sql).
QUARANTINE_SCHEMA = {
    "table_name": pl.String, "row_key": pl.String, "expectations": pl.String, "row_json": pl.String,
    "stage": pl.String, "error_type": pl.String, "error_message": pl.String, "extractor_version": pl.String,
}


def isolating(fn: Callable[[pl.DataFrame], T], frame: pl.DataFrame, key: str) -> tuple[list[T], pl.DataFrame]:
    """fn(frame); when that raises, fn over halves of the frame, down to the single rows that raise alone.

    Returns (fn's results, one per part that passed, in row order; failures: row_key (column `key` as text),
    error_type, error_message of each row that raised on its own). Only Exception is caught: Ctrl-C still stops
    the run. A frame that raises when empty is a bug of fn, not of a row, and is raised.
    """
    results: list[T] = []
    failures: list[dict] = []

    def attempt(part: pl.DataFrame) -> None:
        try:
            results.append(fn(part))
            return
        except Exception as exc:  # noqa: BLE001 - any error of one row must not cost the batch
            if part.height == 0:
                raise
            if part.height == 1:
                failures.append({"row_key": str(part[key][0]), "error_type": type(exc).__name__,
                                 "error_message": str(exc)[:MAX_MESSAGE_CHARS]})
                return
        middle = part.height // 2
        attempt(part.slice(0, middle))
        attempt(part.slice(middle))

    attempt(frame)
    return results, pl.DataFrame(failures, schema=FAILURE_SCHEMA)


def failure_quarantine(failures: pl.DataFrame, table: str, stage: str, rows: pl.DataFrame | None = None,
                       key: str | None = None, extractor_version: str | None = None) -> pl.DataFrame:
    """ops.quarantine rows for the failures of `stage`; row_json holds the failing row's short columns (url, title,
    ids: not its text) from `rows`, matched on `key`."""
    if failures.is_empty():
        return pl.DataFrame(schema=QUARANTINE_SCHEMA)
    context = {}
    if rows is not None and key is not None:
        short = [c for c, t in rows.schema.items() if t == pl.String and c not in ("text", "content", "summary",
                                                                                   "evidence", "row_json")]
        wanted = set(failures["row_key"].to_list())
        for row in rows.select(short).filter(pl.col(key).cast(pl.String).is_in(wanted)).to_dicts():
            context[str(row[key])] = json.dumps(row, ensure_ascii=False, default=str)
    return failures.select(
        table_name=pl.lit(table),
        row_key=pl.col("row_key"),
        expectations=pl.format("{} raised {}", pl.lit(stage), pl.col("error_type")),
        row_json=pl.col("row_key").replace_strict(context, default=None, return_dtype=pl.String),
        stage=pl.lit(stage),
        error_type=pl.col("error_type"),
        error_message=pl.col("error_message"),
        extractor_version=pl.lit(extractor_version, dtype=pl.String),
    )

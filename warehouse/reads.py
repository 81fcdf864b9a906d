"""What the commands read from the warehouse: one function per question, SQL in warehouse/sql/, a polars frame
back. Each opens a read-only connection, which waits while a writer holds the file."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from warehouse import db


def _read(path: Path | str, statement: str, params: dict | None = None) -> pl.DataFrame:
    return db.query(path, db.sql_text(statement), params)


def model_releases(path: Path | str) -> pl.DataFrame:
    return _read(path, "summary_model_releases")


def events_per_type(path: Path | str) -> pl.DataFrame:
    return _read(path, "summary_events_per_type")


def quarantine_summary(path: Path | str) -> pl.DataFrame:
    return _read(path, "summary_quarantine")


def feed_problems(path: Path | str) -> pl.DataFrame:
    """Feeds whose health is not ok, with their last error."""
    return _read(path, "summary_feed_problems")


def run_fetch_failures(path: Path | str, run_id: str) -> pl.DataFrame:
    """A run's failed fetches per kind and error kind, with counts and the first few urls."""
    return _read(path, "run_fetch_failures", {"run_id": run_id})


def feed_health(path: Path | str) -> pl.DataFrame:
    """marts.feed_health, every column."""
    return _read(path, "feed_health")


def coverage_releases(path: Path | str) -> pl.DataFrame:
    """Model releases with the publication time of their earliest article (for `radar coverage`)."""
    return _read(path, "coverage_releases")


def count_mentions(path: Path | str, types: list[str] | None = None) -> int:
    """Stored mentions of these event types (none given: of every type)."""
    return int(_read(path, "count_mentions", {"types": list(types or [])})["n"][0])

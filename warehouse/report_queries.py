"""The warehouse reads behind the analyst's outputs: the HTML report's data, the filtered listings
(`radar releases`, `radar events`) and the marts export. The SQL lives in warehouse/sql/report_*.sql and list_*.sql;
everything here opens the warehouse read-only (`db.read_only`) and writes nothing to it.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from warehouse import db

RECENT_EVENTS_LIMIT = 500
TOP_N = 15
NO_LIMIT = 2**62


@dataclass
class ReportData:
    db_path: str
    generated_at: datetime
    totals: dict
    last_run: dict | None
    runs: list[dict]
    releases: list[dict]
    weekly: list[dict]
    weekly_undated: int
    org_activity: list[dict]
    funding: list[dict]
    feeds: list[dict]
    quarantine: list[dict]
    recent: list[dict]
    n_events: int


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> list[dict]:
    return db.frame(con, db.sql_text(name), params).to_dicts()


def load_report_data(db_path: Path | str) -> ReportData:
    """Everything the report shows, read in one snapshot."""
    with db.read_only(db_path) as con, db.transaction(con):
        totals = _rows(con, "report_totals")[0]
        runs = _rows(con, "report_runs")
        data: dict[str, Any] = dict(
            releases=_rows(con, "report_releases"),
            weekly=_rows(con, "report_weekly"),
            weekly_undated=int(_rows(con, "report_weekly_undated")[0]["n"]),
            org_activity=_rows(con, "report_org_activity", {"n": TOP_N}),
            funding=_rows(con, "report_funding", {"n": TOP_N}),
            feeds=_rows(con, "report_feeds"),
            quarantine=_rows(con, "report_quarantine"),
            recent=_rows(con, "report_recent_events", {"n": RECENT_EVENTS_LIMIT}),
        )
    return ReportData(db_path=str(db_path), generated_at=datetime.now(timezone.utc), totals=totals,
                      last_run=runs[0] if runs else None, runs=runs, n_events=int(totals["events"]), **data)


# --- listings for the CLI ------------------------------------------------------------------------------------

def releases(db_path: Path | str, since: date | None = None, org: str | None = None,
             open_weights: bool | None = None) -> pl.DataFrame:
    """marts.model_releases filtered: org (case-insensitive), open or closed weights, released since a day."""
    return db.query(db_path, db.sql_text("list_releases"), {"org": org, "open": open_weights, "since": since})


def events(db_path: Path | str, type_: str | None = None, org: str | None = None, since: date | None = None,
           limit: int | None = 50) -> pl.DataFrame:
    """marts.events filtered by type, org (case-insensitive) and date; most recent event date first."""
    return db.query(db_path, db.sql_text("list_events"),
                    {"type": type_, "org": org, "since": since, "limit": NO_LIMIT if limit is None else limit})


def present_types(db_path: Path | str) -> list[str]:
    """The event types stored in core.events, sorted."""
    return sorted(db.query(db_path, db.sql_text("event_types_present"))["type"].to_list())


# --- export ------------------------------------------------------------------------------------------------

EXPORT_FORMATS = ("parquet", "csv")
# Text a spreadsheet would run as a formula when it opens a CSV file.
_FORMULA_START = r"^[=+\-@\t\r]"


@dataclass
class Exported:
    view: str
    path: Path
    rows: int
    bytes: int


def marts_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(db.sql_text("marts_views")).fetchall()]


def export_marts(db_path: Path | str, out_dir: Path | str, fmt: str = "parquet") -> list[Exported]:
    """Every view in the marts schema to OUT_DIR/<view>.<fmt>, each file replaced atomically; one snapshot."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use parquet or csv")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "format parquet, compression zstd" if fmt == "parquet" else "format csv, header true"
    written = []
    with db.read_only(db_path) as con, db.transaction(con):  # one snapshot for all views
        for view in marts_views(con):
            if not re.fullmatch(r"[A-Za-z0-9_]+", view):
                continue  # not a name we can put in a file name safely; the marts views are ours
            target = out_dir / f"{view}.{fmt}"
            fd, tmp_name = tempfile.mkstemp(prefix=f".{view}.", suffix=f".{fmt}", dir=out_dir)
            os.close(fd)
            try:
                literal = "'" + tmp_name.replace("'", "''") + "'"
                columns = "*" if fmt == "parquet" else _csv_safe_columns(con, view)
                # View names and the file name are identifiers here, not values: this statement is composed.
                con.execute(f'copy (select {columns} from marts."{view}") to {literal} ({options})')
                rows = con.execute(f'select count(*) from marts."{view}"').fetchall()[0][0]
                os.replace(tmp_name, target)
            except BaseException:
                Path(tmp_name).unlink(missing_ok=True)
                raise
            written.append(Exported(view, target, int(rows), target.stat().st_size))
    return written


def _csv_safe_columns(con: duckdb.DuckDBPyConnection, view: str) -> str:
    """The view's columns, with text starting like a formula prefixed by a quote (OWASP's advice for CSV): feed
    text is untrusted, and CSV files end up in Excel."""
    out = []
    for name, type_ in con.execute(db.sql_text("marts_view_columns"), {"view": view}).fetchall():
        col = '"' + name.replace('"', '""') + '"'
        out.append(f"case when regexp_matches({col}, '{_FORMULA_START}') then concat(chr(39), {col}) else {col} end "
                   f"as {col}" if type_ == "VARCHAR" else col)
    return ", ".join(out)

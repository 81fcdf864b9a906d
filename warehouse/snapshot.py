"""The read snapshot: a copy of the warehouse that long-lived readers (dashboards, notebooks) open instead of the
live file, which the writer opens and closes per transaction (see docs/operating.md)."""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import duckdb

from warehouse import db


def snapshot_path(db_path: Path | str) -> Path:
    """warehouse/radar.duckdb -> warehouse/radar.read.duckdb"""
    path = Path(db_path)
    return path.with_name(f"{path.stem}.read{path.suffix or '.duckdb'}")


def publish_read_snapshot(db_path: Path | str, logical: bool = False) -> Path:
    """Copy the warehouse to its read snapshot, atomically.

    Under the write lock (no other process can change the file meanwhile): CHECKPOINT, so the main file holds
    every committed change, then copy its bytes to a temporary file beside the snapshot; if a WAL is still
    there, fall back to a logical copy (ATTACH + COPY FROM DATABASE). The copy is opened read-only once to
    check it, then renamed over the snapshot: a reader opening the snapshot gets the old or the new file, never
    a partial one, and a reader that has the old one open keeps reading it undisturbed (POSIX rename).
    """
    source = Path(db_path)
    if not source.is_file():
        raise FileNotFoundError(f"no warehouse at {source} to publish")
    target = snapshot_path(source)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    wal = source.with_name(source.name + ".wal")
    try:
        with db.writing(source) as con:
            con.execute("checkpoint")
            if logical or (wal.exists() and wal.stat().st_size > 0):
                con.execute("commit")
                con.execute(f"attach '{_sql_path(temp)}' as radar_snapshot")
                con.execute(f"copy from database {_current_db(con)} to radar_snapshot")
                con.execute("detach radar_snapshot")
                con.execute("begin transaction")
            else:
                shutil.copyfile(source, temp)
        with open(temp, "rb") as fh:
            os.fsync(fh.fileno())
        check = duckdb.connect(str(temp), read_only=True)
        try:
            check.execute("select count(*) from ops.schema_migrations").fetchall()
        finally:
            check.close()
        os.replace(temp, target)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    finally:
        for leftover in (temp, temp.with_name(temp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return target


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _current_db(con) -> str:
    name = con.execute("select current_database()").fetchall()[0][0]
    return '"' + name.replace('"', '""') + '"'

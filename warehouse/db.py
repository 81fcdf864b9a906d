"""The warehouse: the only module that opens a write connection to DuckDB.

Writes are short: open, one transaction per stage, close. Readers use `read_only()`,
which retries while a writer holds the file lock.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
from tenacity import Retrying, retry_if_exception, stop_after_delay, wait_exponential

from transforms.taxonomy import DTYPES, TAXONOMY
from warehouse.paths import WarehouseError, check_exists, check_readable, check_writable, not_a_warehouse  # noqa: F401 - part of this API

if TYPE_CHECKING:
    import polars as pl  # results are polars frames; imported by DuckDB's .pl() when one is made

MIGRATIONS = resources.files("warehouse") / "migrations"
SQL = resources.files("warehouse") / "sql"
LOCK_RETRY_SECONDS = 60.0
# Rows per row group of what a bulk writer stores (DuckDB's default: 122,880). An append of at least a row group is
# written straight into the file before the commit ("optimistic write"); a smaller one goes through the WAL and is
# written again by the checkpoint. The merger's transaction of 50k articles (268 MB of text) took 1.7 s through the WAL
# and 0.76 s written straight (measured). Only the merger asks for it (writing(bulk=True)): with it on every writer,
# the ingest flow's batches of ~100 articles gained nothing and a 50k-article run's peak RSS rose 1,029 -> ~1,236 MB
# (one run each; the spikes came in its last batches, where a full row group of article text was first written).
BULK_ROW_GROUP_SIZE = 16_384


def sql_text(name: str) -> str:
    return (SQL / f"{name}.sql").read_text(encoding="utf-8")


def _lock_conflict(exc: BaseException) -> bool:
    # Only DuckDB's lock conflict is retried (a path that merely contains "lock" is not one).
    return isinstance(exc, duckdb.IOException) and "Could not set lock on file" in str(exc)


def _connect(path: Path, read_only: bool, wait_s: float, config: dict | None = None,
             bulk: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the file, retrying while another process holds the lock (DuckDB allows one writer): backoff from
    0.05 s doubling to 1 s, for at most wait_s; then the lock error is raised."""
    retrying = Retrying(retry=retry_if_exception(_lock_conflict), stop=stop_after_delay(wait_s),
                        wait=wait_exponential(multiplier=0.05, max=1.0), reraise=True)
    if bulk:  # (a writer's only: the row group size is what it writes with)
        return retrying(_attach_for_bulk, str(path), config or {})
    return retrying(duckdb.connect, str(path), read_only=read_only, config=config or {})


def _attach_for_bulk(path: str, config: dict) -> duckdb.DuckDBPyConnection:
    """A connection to the file as its default database, with BULK_ROW_GROUP_SIZE (an option of ATTACH, not of
    connect). Named after the file as duckdb.connect(path) names it (a reserved name, and the connection's own
    in-memory "memory", take "_db")."""
    con = duckdb.connect(config=config)
    try:
        name = Path(path).stem.replace('"', '""')
        name += "_db" if name.lower() in ("memory", "main", "temp", "system") else ""
        con.execute(f"""attach '{path.replace("'", "''")}' as "{name}" (row_group_size {BULK_ROW_GROUP_SIZE})""")
        con.execute(f'use "{name}"')
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def read_only(path: Path | str, wait_s: float = LOCK_RETRY_SECONDS,
              config: dict | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    path = Path(path)
    check_exists(path)
    try:
        con = _connect(path, read_only=True, wait_s=wait_s, config=config)
    except duckdb.IOException as exc:
        # DuckDB's own check, after its file lock (a file a writer is creating is waited for, not refused)
        if "not a valid DuckDB database file" in str(exc):
            raise not_a_warehouse(path) from None
        raise
    try:
        yield con
    finally:
        con.close()


@contextmanager
def writing(path: Path | str, wait_s: float = LOCK_RETRY_SECONDS,
            bulk: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """One write transaction: committed on success, rolled back on any error. `bulk`: a transaction that appends tens
    of thousands of rows (the merger's) writes them into the file before the commit (BULK_ROW_GROUP_SIZE)."""
    with _write_connection(path, wait_s, bulk) as con, transaction(con):
        yield con


@contextmanager
def _write_connection(path: Path | str, wait_s: float = LOCK_RETRY_SECONDS,
                      bulk: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(path, read_only=False, wait_s=wait_s, bulk=bulk)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A transaction on an open connection: committed on success, rolled back on any error."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def migrate(path: Path | str) -> list[str]:
    """Apply migrations/NNN_name.sql not yet recorded in ops.schema_migrations, each in its own transaction, all
    on one connection: closing a connection checkpoints the file, and one connection per script made a new
    warehouse cost 0.8 CPU-s instead of 0.19 (measured)."""
    applied_now = []
    with _write_connection(path) as con:
        with transaction(con):
            con.execute(sql_text("migrations_table"))
            done = {row[0] for row in con.execute(sql_text("migrations_applied")).fetchall()}
        for script in sorted(MIGRATIONS.iterdir(), key=lambda p: p.name):
            if not script.name.endswith(".sql") or script.name in done:
                continue
            with transaction(con):
                con.execute(script.read_text(encoding="utf-8"))
                con.execute(sql_text("migration_record"), {"version": script.name})
            applied_now.append(script.name)
        with transaction(con):
            applied_now += _declare_typed_fields(con)
    return applied_now


def _declare_typed_fields(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Give core.mentions and core.events a column for every typed field transforms/taxonomy.toml declares, and
    core.typed_fields() (the fields merge_events.sql merges) their names: a declared type's new field lands without a
    migration. Returns the columns added."""
    added = []
    for table in ("mentions", "events"):
        have = {row[0] for row in con.execute(sql_text("core_columns"), {"table": table}).fetchall()}
        for field in TAXONOMY.fields.values():
            if field.name not in have:  # names are checked identifiers (transforms/taxonomy.py NAME)
                con.execute(f'alter table core.{table} add column "{field.name}" {DTYPES[field.dtype]}')
                added.append(f"core.{table}.{field.name} ({TAXONOMY.path.name})")
    names = ", ".join(f"'{name}'" for name in TAXONOMY.fields)
    con.execute(f"create or replace macro core.typed_fields() as [{names}]")
    return added


def load(con: duckdb.DuckDBPyConnection, statement: str, incoming: pl.DataFrame) -> int:
    """Run warehouse/sql/<statement>.sql with `incoming` registered as a table; returns rows changed."""
    if incoming.is_empty():
        return 0
    # Arrow as polars holds it (string views): DuckDB reads it without the copy of every string that the default
    # export (large strings) makes, which for a merge of articles is all their text.
    from polars import CompatLevel  # loaded already: `incoming` is a polars frame

    con.register("incoming", incoming.to_arrow(compat_level=CompatLevel.newest()))
    changed = con.execute(sql_text(statement)).fetchall()
    # Only on success: an aborted transaction refuses unregister, and writing() discards the connection then.
    con.unregister("incoming")
    return int(changed[0][0]) if changed else 0


def frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None) -> pl.DataFrame:
    """A query's result as polars (DuckDB 2 has .pl() on relations, not on connections)."""
    return con.sql(sql, params=params).pl() if params else con.sql(sql).pl()


def query(path: Path | str, sql: str, params: list | dict | None = None) -> pl.DataFrame:
    with read_only(path) as con:
        return frame(con, sql, params)


# --------------------------------------------------------------------------- ad-hoc queries (radar sql)

class QueryRefused(WarehouseError):
    """An ad-hoc query that is empty or would do more than read the warehouse."""


# What an analyst's query may be: statements that only read. COPY, EXPORT, ATTACH, INSTALL/LOAD, SET/USE, CREATE
# (a persistent secret is a file) and writes are refused before anything runs.
READING_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN,
                                duckdb.StatementType.PRAGMA, duckdb.StatementType.CALL})


def adhoc_query(path: Path | str, sql: str, allow_files: bool = False) -> pl.DataFrame:
    """Run an analyst's query on a read-only connection that cannot write anywhere.

    Besides the statement check, DuckDB itself is configured so: no file system access at all unless
    `allow_files` (then local files may be read: read_csv, read_parquet, ...), no extension downloads, and the
    configuration locked, so no SET or PRAGMA can undo any of it (profiling or log output to a file included).
    """
    config = {"enable_external_access": allow_files, "autoinstall_known_extensions": False,
              "lock_configuration": True}
    with read_only(path, config=config) as con:
        statements = con.extract_statements(sql)
        if not statements:
            raise QueryRefused("the query is empty")
        for statement in statements:
            if statement.type not in READING_STATEMENTS:
                first = " ".join(statement.query.split())[:60]
                raise QueryRefused(f"radar sql only reads: {statement.type.name} statements are refused ({first!r})")
        return frame(con, sql)

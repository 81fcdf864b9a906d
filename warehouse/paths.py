"""Is a warehouse path usable? Checked before anything slow starts (Prefect, fetching), so a wrong --db costs a
fraction of a second and one line. Nothing heavy is imported here (no duckdb, no polars).
"""
from __future__ import annotations

import os
from pathlib import Path

DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file (after an 8-byte checksum)


class WarehouseError(ValueError):
    """The warehouse path cannot be used: not a DuckDB file, a directory, or nowhere to write. One-line message."""


def check_exists(path: Path | str) -> None:
    """Raise FileNotFoundError when there is no warehouse at `path` yet, WarehouseError when it is a directory."""
    path = Path(path)
    if path.is_dir():
        raise WarehouseError(f"{path} is a directory, not a warehouse file; give e.g. --db {path / 'radar.duckdb'}")
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `radar run` or `radar demo` first")


def not_a_warehouse(path: Path | str) -> WarehouseError:
    return WarehouseError(f"{path} is not a DuckDB database file; give a warehouse file, or a path that does not "
                          "exist yet")


def check_readable(path: Path | str) -> None:
    """check_exists, then: raise WarehouseError when the file is not a DuckDB database (its header says so)."""
    path = Path(path)
    check_exists(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        raise WarehouseError(f"cannot read {path}: {exc.strerror or exc}") from None
    if head[8:12] != DUCKDB_MAGIC:
        raise not_a_warehouse(path)


def check_writable(path: Path | str) -> None:
    """Raise WarehouseError unless a run can write the warehouse at `path`: an existing DuckDB file in a writable
    directory, or a new file whose directory exists or can be created. Cheap; nothing is created."""
    path = Path(path)
    if path.exists():
        check_readable(path)
        if not os.access(path, os.W_OK):
            raise WarehouseError(f"{path} is not writable")
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise WarehouseError(f"cannot create the warehouse {path}: {ancestor} is a file, not a directory")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise WarehouseError(f"cannot write the warehouse {path}: directory {ancestor} is not writable")

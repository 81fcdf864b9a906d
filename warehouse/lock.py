"""One writer per warehouse: an OS file lock on `<warehouse>.lock`, held for a whole run.

DuckDB itself lets one process write at a time, but only per transaction: two runs on one warehouse would
interleave their short transactions, both fetch every page and both send the same alerts. A run therefore
holds this lock from before its first fetch to its end.

`flock` is released by the kernel when the holder's file descriptor closes, whichever way the process ends
(SIGKILL, OOM, power loss of the process): a stale lock cannot outlive its run. The file itself stays (removing
it would race with a process that just opened it); its content only says who holds it, for the message.
The descriptor is not inherited by child processes (Python opens files close-on-exec), so Prefect's temporary
API server or the parsing workers never keep the lock alive.

Re-entrant within a process: `radar run` takes the lock before Prefect starts and the flows it calls take it
again; nested holders share the first descriptor.
"""
from __future__ import annotations

import fcntl
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from warehouse.paths import WarehouseError

_held: dict[tuple[int, int], list[int]] = {}  # (device, inode) of the lock file -> [descriptor, depth]
_held_guard = threading.Lock()


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse's writer lock."""


def lock_path(db_path: Path | str) -> Path:
    """warehouse/radar.duckdb -> warehouse/radar.duckdb.lock"""
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


def holder(db_path: Path | str) -> str:
    """Who holds (or last held) the lock, as its holder wrote it: "pid 123 on host since 2026-12-01T22:40:01Z"."""
    try:
        return lock_path(db_path).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


@contextmanager
def writer_lock(db_path: Path | str, wait: bool = False, on_wait=None) -> Iterator[Path]:
    """Hold the writer lock of the warehouse at `db_path` for the `with` block.

    Raises WarehouseBusy at once when another process holds it, or with `wait` blocks until it is free
    (calling `on_wait(holder)` once first). Raises WarehouseError when the lock file cannot be created.
    """
    path = lock_path(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise WarehouseError(f"cannot create the writer lock {path}: {exc.strerror or exc}") from None
    stat = os.fstat(fd)
    key = (stat.st_dev, stat.st_ino)
    with _held_guard:
        entry = _held.get(key)
        if entry is not None:  # this process already holds it (an outer `with`)
            os.close(fd)
            entry[1] += 1
    if entry is None:
        try:
            _acquire(fd, db_path, wait, on_wait)
        except BaseException:
            os.close(fd)
            raise
        with _held_guard:
            entry = _held[key] = [fd, 1]
    try:
        yield path
    finally:
        with _held_guard:
            entry[1] -= 1
            last = entry[1] == 0
            if last:
                del _held[key]
        if last:
            os.ftruncate(entry[0], 0)
            os.close(entry[0])  # releases the lock


def _acquire(fd: int, db_path: Path | str, wait: bool, on_wait) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        who = holder(db_path) or "another process"
        if not wait:
            raise WarehouseBusy(f"another run is writing to {db_path} ({who}); "
                                "try again when it has finished, or wait for it with --wait") from None
        if on_wait is not None:
            on_wait(who)
        fcntl.flock(fd, fcntl.LOCK_EX)
    since = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since {since}\n".encode(), 0)


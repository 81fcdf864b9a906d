"""Progress of a run: the flow reports counts at stage boundaries, whoever listens shows them.

The flow calls `expect(name, total)` and `advance(name, n)` ("feeds", "pages", "articles", "events"); both do
nothing when nobody listens, so scheduled runs (their own process) and tests need nothing. The CLI listens with
`display()`: a live progress display on a terminal, nothing otherwise (the summary at the end is all a log gets).
No Prefect here: a flow called by the CLI runs in the CLI's process, so a plain module-level listener is enough.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

LABELS = {"feeds": "feeds polled", "pages": "pages fetched", "articles": "articles extracted",
          "events": "events found"}

Listener = Callable[[str, str, int], None]  # (what: "expect" | "advance", counter name, number)
_listener: Listener | None = None
_lock = threading.Lock()


def expect(name: str, total: int) -> None:
    """Announce how many `name` this run has to do (e.g. the pending pages)."""
    _emit("expect", name, total)


def advance(name: str, n: int = 1) -> None:
    """`n` more `name` done."""
    if n:
        _emit("advance", name, n)


def _emit(what: str, name: str, n: int) -> None:
    listener = _listener
    if listener is not None:
        try:
            listener(what, name, int(n))
        except Exception:  # noqa: BLE001 - a display problem never costs the run
            pass


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send progress to `listener` for the duration of the block."""
    global _listener
    with _lock:
        previous, _listener = _listener, listener
    try:
        yield
    finally:
        with _lock:
            _listener = previous


@contextmanager
def display(totals: dict[str, int] | None = None, stream=None) -> Iterator[None]:
    """A live progress display (rich) on `stream` (stderr) when it is a terminal; otherwise nothing at all."""
    stream = stream or sys.stderr
    if not _is_terminal(stream):
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bars = Progress(TextColumn("[bold]{task.description:<20}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(file=stream), transient=True)
    tasks: dict[str, int] = {}

    def task_id(name: str) -> int:
        if name not in tasks:
            tasks[name] = bars.add_task(LABELS.get(name, name), total=None)
        return tasks[name]

    def show(what: str, name: str, n: int) -> None:
        if what == "expect":
            bars.update(task_id(name), total=n)
        else:
            bars.advance(task_id(name), n)

    for name, total in (totals or {}).items():
        show("expect", name, total)
    with bars, listening(show):
        yield


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

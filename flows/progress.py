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
from contextlib import contextmanager, nullcontext

LABELS = {"feeds": "feeds polled", "pages": "pages fetched", "articles": "articles extracted",
          "events": "events found"}

Listener = Callable[[str, str, int], None]  # (what: "expect" | "advance", counter name, number)
_listener: Listener | None = None
_bars_shown = None  # the live display, while one is shown
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
def display(totals: dict[str, int] | None = None, stream=None) -> Iterator[dict[str, int]]:
    """Listen for the block; yields the running counts (name -> done). On a terminal (`stream`, default stderr)
    they are shown live as progress bars, cleared at the end; otherwise nothing is shown."""
    stream = stream or sys.stderr
    counts: dict[str, int] = {}
    bars, show = _bars(stream) if _is_terminal(stream) else (None, None)

    def note(what: str, name: str, n: int) -> None:
        if what == "advance":
            counts[name] = counts.get(name, 0) + n
        if show is not None:
            show(what, name, n)

    for name, total in (totals or {}).items():
        note("expect", name, total)
    global _bars_shown
    _bars_shown = bars
    try:
        with (bars if bars is not None else nullcontext()), listening(note):
            yield counts
    finally:
        _bars_shown = None


def stop_display() -> None:
    """Clear the progress bars now (and show the cursor again): for a process about to end abruptly."""
    bars = _bars_shown
    if bars is not None:
        bars.stop()


def _bars(stream):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    bars = Progress(TextColumn("[bold]{task.description:<20}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(file=stream), transient=True)
    tasks: dict[str, TaskID] = {}

    def show(what: str, name: str, n: int) -> None:
        if name not in LABELS:
            return  # bookkeeping counters (e.g. batches) are counted, not drawn
        if name not in tasks:
            tasks[name] = bars.add_task(LABELS[name], total=None)
        if what == "expect":
            bars.update(tasks[name], total=n)
        else:
            bars.advance(tasks[name], n)

    return bars, show


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

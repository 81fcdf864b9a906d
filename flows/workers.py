"""Worker processes for CPU-bound parsing (trafilatura, feedparser hold the GIL), started only when there is work.

Tasks never receive a pool: they receive plain data (bytes, page dicts) and call `parse_feeds` / `read_pages`,
which use the worker processes of the flow run in this process (`run_pool`), or parse right here when there are
none (a task sent to another machine by a distributed task runner, or a run with one core).

Kept free of Prefect and of the flow module on purpose: a spawned worker imports this module (for its
initializer) and transforms.*, nothing else.
"""
from __future__ import annotations

import os
import sys
import threading
import types
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import SpawnContext, SpawnProcess


class _LeanSpawnProcess(SpawnProcess):
    """A spawned worker that does not re-run the parent's __main__.

    multiprocessing's spawn re-imports the parent's main module in every worker. Under `radar serve` that is
    prefect.engine, under a script it is whatever the script imports: about 2.3 s of imports per worker (measured),
    on both cores, before the first page is parsed. The workers only need the picklable transforms functions.
    """

    _main_lock = threading.Lock()

    def start(self) -> None:
        # The main module is read once, while the process's preparation data is built inside start().
        with self._main_lock:
            main = sys.modules["__main__"]
            sys.modules["__main__"] = types.ModuleType("__main__")
            try:
                super().start()
            finally:
                sys.modules["__main__"] = main


class _LeanSpawnContext(SpawnContext):
    Process = _LeanSpawnProcess


def _die_with_parent() -> None:
    """In a worker: ask Linux to kill this process when the run's process dies (even by SIGKILL), so a killed
    run leaves no orphaned workers behind. Ctrl-C reaches the whole process group: a worker leaves it to the
    run's process, which stops the pool (a KeyboardInterrupt here would print a traceback per worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: workers still exit when they find the parent's pipe closed


class LazyPool:
    """A process pool created on first use (an incremental poll with nothing new never starts one).

    spawn, not fork: the flow's process runs threads (Prefect, the fetcher), and forking those can deadlock.
    Use as a context manager; `get()` returns None when one process is all there is.
    """

    def __init__(self, workers: int = 0):
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def get(self) -> Executor | None:
        if self.workers < 2:
            return None
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_LeanSpawnContext(),
                                                 initializer=_die_with_parent)
            return self._pool

    def discard(self, broken: Executor | None) -> None:
        """Drop a pool whose worker died (BrokenProcessPool): the next get() starts a fresh one."""
        with self._lock:
            if self._pool is broken:
                self._pool = None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> LazyPool:
        return self

    def __exit__(self, *exc_info) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)



# --------------------------------------------------------------------------- the flow run's workers

MIN_PAGES_FOR_POOL = 16  # starting a worker process costs ~0.7 s; below this one process is faster
MIN_FEEDS_FOR_POOL = 8
_run_pool: LazyPool | None = None  # the worker processes of the flow run in this process, while it runs


@contextmanager
def run_pool(workers: int = 0) -> Iterator[None]:
    """Worker processes for the duration of one flow run (started on first use, stopped at the end). Whatever
    parse_feeds and read_pages get within the block is parsed in them."""
    global _run_pool
    with LazyPool(workers) as pool:
        previous, _run_pool = _run_pool, pool
        try:
            yield
        finally:
            _run_pool = previous


def parse_feeds(contents: list[bytes], urls: list[str], headers: list[dict]) -> list:
    """transforms.feeds.parse_feed over feed bodies, in the run's worker processes when there are many."""
    from transforms.feeds import parse_feed

    pool = _run_pool
    executor = pool.get() if pool is not None and len(contents) >= MIN_FEEDS_FOR_POOL else None
    return list(executor.map(parse_feed, contents, urls, headers) if executor else map(parse_feed, contents, urls,
                                                                                       headers))


def read_pages(pages: list[dict]) -> list[dict]:
    """Text and metadata of each page (transforms.articles.read_page: never raises), in order; in the run's worker
    processes when there are enough pages with a body.

    A page that kills its worker process breaks the whole pool: the pages not yet read are then read again in
    fresh processes, halving the set until the page that kills them is alone; it gets no text and the error."""
    from transforms.articles import extract_pages

    pool = _run_pool
    if pool is None:
        return list(extract_pages(pages))
    with_body = sum(1 for p in pages if p["content"])
    executor = pool.get() if with_body >= MIN_PAGES_FOR_POOL else None
    if executor is None:
        return list(extract_pages(pages))
    metas: list[dict] = []
    try:
        for meta in extract_pages(pages, executor):
            metas.append(meta)
    except BrokenProcessPool:
        pool.discard(executor)
        metas += _read_bisecting(pages[len(metas):], pool)
    return metas


def _read_bisecting(pages: list[dict], pool: LazyPool) -> list[dict]:
    from transforms.articles import extract_page, extract_pages

    executor = pool.get()
    try:
        return list(extract_pages(pages, executor))
    except BrokenProcessPool:
        pool.discard(executor)
        if len(pages) == 1:
            return [{**extract_page(b"", pages[0]["url"]), "error_type": "BrokenProcessPool",
                     "error_message": "the worker process extracting this page died"}]
        middle = len(pages) // 2
        return _read_bisecting(pages[:middle], pool) + _read_bisecting(pages[middle:], pool)

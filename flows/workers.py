"""Worker processes for CPU-bound parsing (trafilatura, feedparser hold the GIL), started only when there is work.

Kept free of Prefect and of the flow module on purpose: a spawned worker imports this module (for its
initializer) and transforms.*, nothing else.
"""
from __future__ import annotations

import os
import sys
import threading
import types
from concurrent.futures import Executor, ProcessPoolExecutor
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

    def discard(self, broken: Executor) -> None:
        """Drop a pool whose worker died (BrokenProcessPool): the next get() starts a fresh one."""
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> LazyPool:
        return self

    def __exit__(self, *exc_info) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


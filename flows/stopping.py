"""Ctrl-C and SIGTERM stop `radar run` / `radar demo` within seconds, with one line, keeping committed batches.

Every batch commits on its own (one DuckDB transaction), so stopping anywhere loses at most the batch in flight,
which the next run fetches again. What used to make stopping slow and noisy, and what is done about it here:
- Prefect's temporary API server is a child process in the terminal's process group: Ctrl-C killed it first,
  and the run then spent minutes retrying calls to it, printing tracebacks. `start_prefect_api()` starts it in
  its own session (the terminal's Ctrl-C does not reach it); it is stopped when the run ends.
- Unwinding through Prefect waits for the task threads (a page fetch can take a while), and the interpreter
  joins them again at exit. So the first signal raises `Interrupted` in the main thread (open transactions roll
  back, the run is marked interrupted) and a watchdog ends the process after GRACE_SECONDS whatever is still
  running, with the same one line. Worker processes ignore SIGINT (flows/workers.py) and die with this process.
- SIGTERM: a Prefect flow run replaces our handler with its own while it runs; a thread watching Python's
  signal wakeup fd sees the signal anyway and starts the same watchdog.
- Logging is switched off once the signal arrives: the line printed by `exit_now` is all the user sees.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

GRACE_SECONDS = 6.0  # then the process ends, whatever Prefect is still reporting to its API
SIGNALS = (signal.SIGINT, signal.SIGTERM)
_active: list[Stop] = []  # the stoppable command running in this process, if any (stop_on_signals)


class Interrupted(KeyboardInterrupt):
    """Raised in the main thread by the first SIGINT/SIGTERM."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Stop:
    """State of one stoppable command: which signal arrived (None until one does)."""

    def __init__(self, message: Callable[[], str], grace_s: float):
        self.signum: int | None = None
        self.raised = False  # Interrupted raised in the main thread
        self.message = message
        self.grace_s = grace_s
        self._lock = threading.Lock()
        self._exiting = threading.Lock()

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or signal.SIGINT)

    def begin(self, signum: int) -> bool:
        """The first signal: silence logging, start the watchdog. False for any later one."""
        with self._lock:
            if self.signum is not None:
                return False
            self.signum = signum
        logging.disable(logging.CRITICAL)  # Prefect's crash reports and shutdown noise: the one line says it all
        watchdog = threading.Timer(self.grace_s, self.exit_now)
        watchdog.daemon = True
        watchdog.start()
        return True

    def exit_now(self) -> None:
        """Print the one line, stop Prefect's temporary server, and end the process without waiting for threads."""
        if not self._exiting.acquire(blocking=False):
            return  # the watchdog and the main thread race: one of them prints and exits
        try:
            sys.stdout.flush()
        except Exception:  # noqa: BLE001
            pass
        try:
            from flows import progress

            progress.stop_display()
            sys.stderr.write(f"{self.message()}\n")
            sys.stderr.flush()
        finally:
            stop_prefect_api()
            os._exit(self.exit_code)


@contextmanager
def stop_on_signals(message: Callable[[], str], grace_s: float = GRACE_SECONDS) -> Iterator[Stop]:
    """Within the block, the first SIGINT or SIGTERM raises `Interrupted` in the main thread and starts a watchdog
    that calls `stop.exit_now()` after `grace_s`. The caller calls `stop.exit_now()` itself when its own
    unwinding ends first (any exception once `stop.signum` is set is the interruption).

    A Prefect flow run installs its own SIGTERM handler while it runs (its exception reaches us only after
    Prefect has waited for its task threads: minutes while pages are being fetched). The signal is seen anyway:
    Python writes the number of every signal it receives to the wakeup fd, which a thread here watches."""
    stop = Stop(message, grace_s)
    _active.append(stop)

    def on_signal(signum, frame):
        stop.begin(signum)  # the watcher below may have begun already: it often runs first
        if not stop.raised:  # once: a second Ctrl-C must not interrupt the unwinding of the first
            stop.raised = True
            raise Interrupted(signum)

    def watch(wakeup: socket.socket) -> None:
        while True:
            try:
                data = wakeup.recv(64)
            except OSError:
                return
            if not data:
                return
            for signum in data:
                if signum in SIGNALS:
                    stop.begin(signum)

    previous_unraisable = sys.unraisablehook

    def unraisable(args: Any) -> None:
        # The signal landed in a finalizer (a __del__ the garbage collector ran, e.g. polars' DataTypeClass), where
        # Python cannot raise and prints "Exception ignored in ..." with a traceback instead: say nothing, the watchdog
        # ends the run within grace_s with the one line.
        if isinstance(args.exc_value, Interrupted):
            return
        previous_unraisable(args)

    sys.unraisablehook = unraisable
    previous = {s: signal.signal(s, on_signal) for s in SIGNALS}
    handlers = [*logging.getLogger("prefect").handlers, *logging.getLogger().handlers]
    for handler in handlers:
        handler.addFilter(_not_a_signal_crash)
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    threading.Thread(target=watch, args=(reader,), name="radar-signals", daemon=True).start()
    try:
        yield stop
    finally:
        _active.remove(stop)
        sys.unraisablehook = previous_unraisable
        signal.set_wakeup_fd(previous_fd)
        for handler in handlers:
            handler.removeFilter(_not_a_signal_crash)
        for s, previous_handler in previous.items():
            signal.signal(s, previous_handler)
        writer.close()
        reader.close()


def signalled() -> bool:
    """Whether Ctrl-C or SIGTERM has stopped this process's command. Prefect may turn the interruption into an error
    of its own as it unwinds ("ValueError: Task run is not set"), which is still the interruption."""
    return any(stop.signum is not None for stop in _active)


def _not_a_signal_crash(record: logging.LogRecord) -> bool:
    """Prefect reports the signal as a crash of the task or flow run that was running, at once, from the main
    thread (before the watcher above has silenced logging): the one line says it instead."""
    return "aborted by an interrupt signal" not in (message := record.getMessage()) \
        and "aborted by a termination signal" not in message


# --------------------------------------------------------------------------- Prefect's temporary API server

def _own_session_dying_with_parent() -> None:
    """In the server's child process, before exec: its own session (no terminal signals) and SIGKILL when the
    radar process dies, even by SIGKILL, so it is never left behind. SIGKILL, not SIGTERM: a server shutting down
    gracefully after its run died kept Prefect's database busy and stalled the next run for minutes."""
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def temporary_api_needed() -> bool:
    """Whether a flow run in this process starts Prefect's temporary API server (no PREFECT_API_URL)."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    return not PREFECT_API_URL.value() and bool(PREFECT_SERVER_EPHEMERAL_ENABLED.value())


def start_prefect_api() -> None:
    """Start Prefect's temporary API server now, out of reach of the terminal's Ctrl-C, when Prefect would start
    one (no PREFECT_API_URL). The flows then use it as usual: Prefect keeps one such server per process."""
    if not temporary_api_needed():
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    if server.running:
        return
    launch = server._run_uvicorn_command

    def launch_in_own_session():
        # Prefect builds the server's command line; only how the child starts differs. The patch lasts one call.
        popen: Any = subprocess.Popen

        def popen_in_own_session(*args, **kwargs):
            return popen(*args, preexec_fn=_own_session_dying_with_parent, **kwargs)

        subprocess.Popen = popen_in_own_session  # type: ignore[misc,assignment]  # patching the class on purpose, for one call
        try:
            return launch()
        finally:
            subprocess.Popen = popen  # type: ignore[misc]

    server._run_uvicorn_command = launch_in_own_session  # type: ignore[method-assign]  # see launch_in_own_session
    server.start()


def stop_prefect_api() -> None:
    """Ask the temporary server this process started to stop (SIGTERM; quiet, its logging is CRITICAL). Not
    waited for: it also gets SIGTERM from the kernel when this process ends (PR_SET_PDEATHSIG above)."""
    module = sys.modules.get("prefect.server.api.server")
    if module is None:
        return  # never imported: nothing was started
    for server in list(module.SubprocessASGIServer._instances.values()):
        if server.server_process is not None:
            server.server_process.terminate()

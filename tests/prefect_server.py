"""One real Prefect API server on 127.0.0.1 for a whole test session (started and stopped by tests/conftest.py).

Without PREFECT_API_URL every process that runs a flow (pytest itself, each `radar run` / `radar demo` subprocess)
starts Prefect's temporary server: 13-20 s each on an idle 2-core box, minutes under load (STACK_NOTES 1a). The
session's server is started before collection, so it boots while the test modules import, and is named in
PREFECT_API_URL, which the subprocesses inherit. Tests of the temporary-server path itself (Ctrl-C, SIGKILL, "Prefect
was not started") give their `radar` processes `without_session_server()`.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

STARTUP_TIMEOUT_S = 600  # about 15 s on an idle 2-core box; several minutes were seen with a load average of 15


def without_session_server(env: dict[str, str] | None = None) -> dict[str, str]:
    """`env` (default: this process's environment) without PREFECT_API_URL: a `radar run` started with it starts
    Prefect's temporary server, as it does for a user who has no server."""
    return {k: v for k, v in (os.environ if env is None else env).items() if k != "PREFECT_API_URL"}


def _dies_with_parent() -> None:
    """In the server process before exec: its own session (a Ctrl-C on pytest's terminal stops pytest, which then
    stops the server) and SIGKILL when pytest dies, even by SIGKILL, so a server is never left behind."""
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class SessionServer:
    """`prefect server start` on a free loopback port with its own PREFECT_HOME (its own SQLite database, apart
    from the one the temporary servers of other tests use)."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.home = Path(tempfile.mkdtemp(prefix="radar-tests-prefect-"))
        self.log_path = self.home / "server.log"
        env = without_session_server()
        env.update(PREFECT_HOME=str(self.home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   PREFECT_SERVER_UI_ENABLED="false", PREFECT_SERVER_LOGGING_LEVEL="WARNING")
        with self.log_path.open("wb") as log:
            # --no-services: registering and running flows, deployments and artifacts needs only the API; the
            # services (scheduler, event persister, task run recorder, ...) cost start-up time and CPU all session.
            self.process = subprocess.Popen(
                [str(Path(sys.executable).parent / "prefect"), "server", "start", "--host", "127.0.0.1",
                 "--port", str(self.port), "--no-services"],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=_dies_with_parent)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: it stops in about 2 s
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.home, ignore_errors=True)


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.read().strip() == b"true"
    except OSError:
        return False


def wait_until_healthy(url: str, server: SessionServer | None = None) -> None:
    """Until the server at `url` answers. `server` if this process started it; None for one started elsewhere
    (the xdist controller's, or the one a developer's PREFECT_API_URL names)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not healthy(url):
        exited = server is not None and server.process.poll() is not None
        if exited or time.monotonic() > deadline:
            log = "" if server is None else ":\n" + server.log_path.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"the Prefect server at {url} for the tests "
                               + (f"exited with {server.process.returncode}" if exited else
                                  f"did not answer in {STARTUP_TIMEOUT_S} s") + log)
        time.sleep(0.2)

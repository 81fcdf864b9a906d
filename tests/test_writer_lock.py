"""One writer per warehouse: the lock in warehouse/lock.py, between real processes.

A second process is refused at once and told who holds the lock, or waits for it; a SIGKILLed holder leaves no
stale lock; the scheduled flow takes it before anything is fetched; and end to end, a second `radar run` on a warehouse
that a first one is writing exits with code 3 without a single request to its feed, while `radar run --wait`
starts when the first run is gone (here: killed).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import rss
from tests.fault_server import FaultServer
from tests.prefect_server import without_session_server
from warehouse.lock import WarehouseBusy, lock_path, writer_lock

pytestmark = pytest.mark.timeout(720)  # hang guard; one Prefect start, slow on a loaded machine

RADAR = str(Path(sys.executable).parent / "radar")
HOLD = """
import sys
from warehouse.lock import writer_lock
with writer_lock(sys.argv[1]):
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""
TRY = """
import sys
from warehouse.lock import WarehouseBusy, writer_lock
try:
    with writer_lock(sys.argv[1]):
        print("got it")
except WarehouseBusy:
    print("busy")
"""


class Holder:
    """Another process holding the writer lock of `db` until released or killed."""

    def __init__(self, db: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "held"

    def release(self) -> None:
        self.proc.stdin.close()
        assert self.proc.wait(timeout=30) == 0

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)


@pytest.fixture
def holder(db_path: Path):
    held = Holder(db_path)
    yield held
    if held.proc.poll() is None:
        held.kill()


def try_from_another_process(db: Path) -> str:
    return subprocess.run([sys.executable, "-c", TRY, str(db)], capture_output=True, text=True,
                          timeout=60, check=True).stdout.strip()


def test_a_second_process_is_refused_and_told_who_holds_it(holder, db_path):
    with pytest.raises(WarehouseBusy, match=f"pid {holder.proc.pid} ") as refused, writer_lock(db_path):
        pytest.fail("took a lock another process holds")
    assert "--wait" in str(refused.value)
    holder.release()
    with writer_lock(db_path):
        assert try_from_another_process(db_path) == "busy"


def test_a_killed_holder_leaves_no_stale_lock(holder, db_path):
    holder.proc.send_signal(signal.SIGKILL)
    holder.proc.wait(timeout=30)
    assert f"pid {holder.proc.pid} " in lock_path(db_path).read_text()  # what it wrote is still there ...
    with writer_lock(db_path):  # ... but the lock went with the process
        pass


def test_wait_blocks_until_the_holder_is_gone(holder, db_path):
    told, acquired = threading.Event(), threading.Event()
    reported = []

    def waiter():
        with writer_lock(db_path, wait=True, on_wait=lambda who: (reported.append(who), told.set())):
            acquired.set()

    thread = threading.Thread(target=waiter, daemon=True)
    thread.start()
    assert told.wait(timeout=30)
    assert len(reported) == 1 and reported[0].startswith(f"pid {holder.proc.pid} on ") and " since " in reported[0]
    assert not acquired.is_set() and holder.proc.poll() is None  # it is still held, so the waiter still waits
    holder.release()
    thread.join(timeout=60)
    assert acquired.is_set()


def test_nested_holders_in_one_process_share_the_lock(db_path):
    with writer_lock(db_path):
        with writer_lock(db_path):  # e.g. `radar run` holds it and the flows it calls take it again
            assert try_from_another_process(db_path) == "busy"
        assert try_from_another_process(db_path) == "busy"  # the outer holder still has it
    assert try_from_another_process(db_path) == "got it"


def test_the_scheduled_flow_takes_the_lock_before_fetching(holder, db_path, tmp_path):
    """The flow `radar serve` and `prefect deploy` run refuses to start while another process writes the
    warehouse: no request, no migration, no ops.runs row."""
    from flows.schedule import scheduled_ingest

    with FaultServer() as site:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nurl = "{site.url("feed.xml")}"\n', encoding="utf-8")
        with pytest.raises(WarehouseBusy, match=f"pid {holder.proc.pid} "):
            scheduled_ingest.fn(feeds_file=str(feeds), db_path=str(db_path))
        assert site.requests == []
    assert not db_path.exists()


def test_a_second_radar_run_exits_at_once_and_a_waiting_one_starts_when_the_first_is_gone(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "slow.xml").write_text(rss([], title="Slow feed"), encoding="utf-8")
    (root / "second.xml").write_text(rss([], title="Second feed"), encoding="utf-8")
    db_path = tmp_path / "radar.duckdb"

    def env(name: str) -> dict:
        return {**os.environ, "RADAR_ALLOW_HOSTS": "127.0.0.1", "PREFECT_HOME": str(tmp_path / f"prefect-{name}"),
                "RADAR_CONFIG": str(tmp_path / "no-radar.toml"),
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "400"}

    with FaultServer(root_dir=root) as site:
        first_feeds, second_feeds = tmp_path / "first.toml", tmp_path / "second.toml"
        first_feeds.write_text(f'[[feeds]]\nurl = "{site.url("delay/100000/slow.xml")}"\n', encoding="utf-8")
        second_feeds.write_text(f'[[feeds]]\nurl = "{site.url("second.xml")}"\n', encoding="utf-8")
        second_requests = lambda: [path for path, _ in site.requests if "second.xml" in path]  # noqa: E731

        first = subprocess.Popen([RADAR, "run", "--feeds", str(first_feeds), "--db", str(db_path)], cwd=tmp_path,
                                 env=env("first"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)  # its own group: killing it ends its Prefect server too
        waiting = None
        try:
            while f"pid {first.pid} " not in (lock_path(db_path).read_text() if lock_path(db_path).exists() else ""):
                assert first.poll() is None, "the first run ended before taking the lock"
                time.sleep(0.1)

            second = subprocess.run([RADAR, "run", "--feeds", str(second_feeds), "--db", str(db_path)],
                                    cwd=tmp_path, env=without_session_server(env("second")), capture_output=True,
                                    text=True, timeout=120)
            assert second.returncode == 3, second.stderr
            lines = second.stderr.splitlines()
            assert len(lines) == 1 and f"pid {first.pid} " in lines[0] and "--wait" in lines[0], second.stderr
            assert "Traceback" not in second.stderr + second.stdout
            assert not (tmp_path / "prefect-second" / "prefect.db").exists()

            waiting = subprocess.Popen([RADAR, "run", "--wait", "--feeds", str(second_feeds), "--db", str(db_path)],
                                       cwd=tmp_path, env=env("waiting"), stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True, start_new_session=True)
            told = waiting.stderr.readline()
            assert told.startswith("waiting: another run is writing") and f"pid {first.pid} " in told, told
            assert first.poll() is None, "the first run ended by itself: the test proves nothing about --wait"
            assert second_requests() == []
        finally:
            try:
                os.killpg(first.pid, signal.SIGKILL)  # the first run, mid-start or mid-fetch, and its Prefect server
            except ProcessLookupError:
                pass
            first.wait(timeout=30)
        assert first.returncode == -signal.SIGKILL
        try:
            out, rest = waiting.communicate(timeout=600)
        finally:
            if waiting.poll() is None:
                os.killpg(waiting.pid, signal.SIGKILL)
                waiting.wait(timeout=30)
        assert waiting.returncode == 0, rest[-3000:]
        assert second_requests() == ["/second.xml"]
        assert "Run " in out and "finished" in out

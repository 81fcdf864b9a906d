"""Bad input fails fast: a --db that cannot be a warehouse, or a feeds file that cannot be read, is one line on
stderr and exit code 2, before anything is fetched and before Prefect starts.

Real `radar` processes (the installed entry point), each with its own PREFECT_HOME: a run that got as far as
starting Prefect's temporary API would leave its database there. Feeds point at a loopback server whose request
log must stay empty.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.fault_server import FaultServer
from tests.prefect_server import without_session_server

RADAR = str(Path(sys.executable).parent / "radar")
NOT_DUCKDB = "is not a DuckDB database file"


@pytest.fixture(scope="module")
def site():
    with FaultServer() as srv:
        yield srv


@pytest.fixture
def feeds(tmp_path: Path, site: FaultServer) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(f'[[feeds]]\nurl = "{site.url("feed.xml")}"\nname = "Loopback"\n', encoding="utf-8")
    return path


@pytest.fixture
def text_db(tmp_path: Path) -> Path:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a warehouse\n", encoding="utf-8")
    return path


def radar(args: list[str], cwd: Path, user: int | None = None, **env: str) -> subprocess.CompletedProcess:
    home = cwd / "prefect-home"
    # Without the test session's PREFECT_API_URL: a run that got too far would start the temporary API (and leave
    # its database in `home`), as it does for a user.
    environment = {**without_session_server(), "PREFECT_HOME": str(home), "RADAR_ALLOW_HOSTS": "127.0.0.1", **env}
    environment.pop("RADAR_DB_PATH", None)
    return subprocess.run([RADAR, *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120,
                          user=user)


def assert_one_line_usage_error(result: subprocess.CompletedProcess, cwd: Path, expected: str) -> None:
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and expected in lines[0], lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert not (cwd / "prefect-home" / "prefect.db").exists(), "Prefect's temporary API was started"


@pytest.mark.parametrize("command", [
    ["run", "--feeds", "{feeds}"],
    ["demo"],
    ["serve", "--feeds", "{feeds}"],
    ["sql", "select 1"],
    ["releases"],
    ["events"],
    ["report"],
    ["export", "{tmp}/out"],
    ["feeds", "list", "--feeds", "{feeds}"],
])
def test_a_text_file_as_db_is_one_line_and_exit_2(command, tmp_path, feeds, text_db, site):
    args = [a.format(feeds=feeds, tmp=tmp_path) for a in command] + ["--db", str(text_db)]
    # serve would otherwise stop first at "no Prefect server": give it one that is not there
    result = radar(args, tmp_path, PREFECT_API_URL="http://127.0.0.1:9/api")
    assert_one_line_usage_error(result, tmp_path, NOT_DUCKDB)
    assert site.requests == []
    assert text_db.read_text(encoding="utf-8") == "these are my notes, not a warehouse\n"
    assert not (tmp_path / "out").exists() and not (tmp_path / "report.html").exists()


@pytest.mark.parametrize("make_db, expected", [
    (lambda tmp, text: tmp, "is a directory"),
    (lambda tmp, text: text / "warehouse" / "radar.duckdb", "is a file, not a directory"),
])
def test_run_refuses_a_db_it_cannot_create(make_db, expected, tmp_path, feeds, text_db, site):
    result = radar(["run", "--feeds", str(feeds), "--db", str(make_db(tmp_path, text_db))], tmp_path)
    assert_one_line_usage_error(result, tmp_path, expected)
    assert site.requests == []


def test_run_refuses_a_directory_it_cannot_write(tmp_path, site):
    """A non-root user in a read-only directory. As root, the run is made by `nobody` (root may write anywhere)."""
    user = None
    if os.geteuid() == 0:
        user = 65534
        work = Path(tempfile.mkdtemp(prefix="radar-guard-"))  # beside /tmp, which nobody can reach
    else:
        work = tmp_path / "work"
        work.mkdir()
    try:
        locked = work / "locked"
        locked.mkdir()
        feeds = work / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nurl = "{site.url("feed.xml")}"\n', encoding="utf-8")
        for path in (work, feeds):
            path.chmod(0o755 if path.is_dir() else 0o644)
        locked.chmod(0o555)
        if user is not None:
            try:
                probe = subprocess.run([RADAR, "--help"], user=user, capture_output=True, timeout=60)
            except PermissionError as exc:
                probe = subprocess.CompletedProcess([], 1, b"", str(exc).encode())
            if probe.returncode != 0:
                pytest.skip(f"running as root, and user {user} cannot run this checkout's radar "
                            f"({probe.stderr.decode(errors='replace')[-120:].strip()}); root may write anywhere")
        result = radar(["run", "--feeds", str(feeds), "--db", str(locked / "radar.duckdb")], work, user=user)
        assert_one_line_usage_error(result, work, "is not writable")
        assert site.requests == []
        assert list(locked.iterdir()) == []
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("content, expected", [
    (None, "feeds file not found"),
    ("[[feeds]\nurl = 'http://127.0.0.1/x'\n", "is not valid TOML"),
])
def test_a_bad_feeds_file_is_one_line_and_exit_2(content, expected, tmp_path, site):
    feeds = tmp_path / "feeds.toml"
    if content is not None:
        feeds.write_text(content, encoding="utf-8")
    result = radar(["run", "--feeds", str(feeds), "--db", str(tmp_path / "radar.duckdb")], tmp_path)
    assert_one_line_usage_error(result, tmp_path, expected)
    assert not (tmp_path / "radar.duckdb").exists()

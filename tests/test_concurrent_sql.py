"""SQL while the pipeline writes: a real scheduled run loads a loopback site while other processes read.

Readers, as analysts run them:
- `radar sql --db radar.duckdb` (the real command, in its own process, again and again);
- a Python process that reads the warehouse in a loop through warehouse.db.read_only (what `radar sql` uses,
  waits while the writer holds the lock);
- the same process reading the published snapshot radar.read.duckdb with a plain duckdb.connect(read_only=True),
  no retry at all (what the duckdb CLI or a notebook does);
- one connection to the snapshot held open for the whole run (an analyst's long session).
No reader may see an error, and the run must complete.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from cli.demo_server import serve_directory
from tests.conftest import REPO, article_html, rss
from tests.test_alerts import rfc822
from warehouse import db

N_ARTICLES = 16
PARAGRAPH = ("The company said the new system would be offered to enterprise customers first, with wider access "
             "planned for later in the year. Analysts said the move reflects intense competition among AI labs "
             "and cloud providers for developers, and that pricing will matter as much as benchmark results. ")

READER = r"""
import json, sys, time, duckdb
sys.path.insert(0, sys.argv[1])
from warehouse import db
main, snapshot, stop, ready = sys.argv[2:6]
stats = {"main_reads": 0, "snapshot_reads": 0, "session_reads": 0, "errors": [], "worst_main_s": 0.0}
session = duckdb.connect(snapshot, read_only=True)   # held open for the whole run
first = True
while True:
    try:
        t = time.monotonic()
        db.query(main, "select count(*) as n from raw.articles")       # radar sql's path: waits for the writer
        stats["worst_main_s"] = max(stats["worst_main_s"], time.monotonic() - t)
        stats["main_reads"] += 1
    except Exception as exc:
        stats["errors"].append(f"main: {type(exc).__name__}: {exc}")
    try:
        con = duckdb.connect(snapshot, read_only=True)                 # duckdb CLI / notebook: no retry
        con.execute("select count(*) from raw.articles").fetchall()
        con.execute("select * from marts.events").fetchall()
        con.close()
        stats["snapshot_reads"] += 1
    except Exception as exc:
        stats["errors"].append(f"snapshot: {type(exc).__name__}: {exc}")
    try:
        session.execute("select count(*) from raw.articles").fetchall()
        stats["session_reads"] += 1
    except Exception as exc:
        stats["errors"].append(f"session: {type(exc).__name__}: {exc}")
    if first:
        open(ready, "w").close()
        first = False
    try:
        open(stop).close()
        break
    except FileNotFoundError:
        time.sleep(0.02)   # an eager analyst, not a busy loop: leave the 2-core CI box some CPU
session.close()
print(json.dumps(stats))
"""


def _site(root: Path) -> None:
    (root / "articles").mkdir(parents=True)
    (root / "feeds").mkdir()
    items = []
    for i in range(N_ARTICLES):
        title = f"Lab {i} ships an enterprise assistant"
        (root / "articles" / f"a{i}.html").write_text(article_html(title, PARAGRAPH * 2), encoding="utf-8")
        items.append({"title": title, "link": f"/articles/a{i}.html", "date": rfc822(datetime.now(timezone.utc))})
    (root / "feeds" / "ai.xml").write_text(rss(items), encoding="utf-8")


def test_readers_never_fail_and_the_run_completes_while_it_writes(tmp_path):
    from flows.schedule import scheduled_ingest
    from warehouse.snapshot import publish_read_snapshot, snapshot_path

    _site(tmp_path / "site")
    main = tmp_path / "radar.duckdb"
    db.migrate(main)
    snapshot = publish_read_snapshot(main)
    assert snapshot == snapshot_path(main) == tmp_path / "radar.read.duckdb"
    stop, ready = tmp_path / "stop", tmp_path / "ready"

    with serve_directory(tmp_path / "site") as base:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nurl = "{base}/feeds/ai.xml"\n', encoding="utf-8")
        config = tmp_path / "radar.toml"
        # Small batches: many short write transactions for the readers to collide with.
        config.write_text('allow_hosts = ["127.0.0.1"]\nmin_host_interval_s = 0\nobey_robots = false\n'
                          "article_batch_size = 2\n", encoding="utf-8")
        reader = subprocess.Popen([sys.executable, "-c", READER, str(REPO), str(main), str(snapshot), str(stop),
                                   str(ready)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  start_new_session=True)
        cli_results: list[subprocess.CompletedProcess] = []
        done = threading.Event()

        def radar_sql_loop() -> None:
            radar = Path(sys.executable).with_name("radar")
            while not done.is_set():
                cli_results.append(subprocess.run(
                    [str(radar), "sql", "--db", str(main), "--format", "json",
                     "select count(*) as n from raw.articles"],
                    capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"}))
                done.wait(3.0)  # each `radar sql` process costs about a second of CPU: a few collisions suffice

        cli = threading.Thread(target=radar_sql_loop, daemon=True)
        try:
            deadline = time.monotonic() + 60
            while not ready.exists():
                assert reader.poll() is None, reader.stderr.read()
                assert time.monotonic() < deadline, "reader did not start"
                time.sleep(0.1)
            cli.start()
            started = time.monotonic()
            counts = scheduled_ingest(feeds_file=str(feeds), db_path=str(main), config_file=str(config))
            run_seconds = time.monotonic() - started
        finally:
            done.set()
            stop.touch()
            try:
                out, err = reader.communicate(timeout=120)
            finally:
                if reader.poll() is None:
                    os.killpg(reader.pid, 9)
            cli.join(timeout=150)

    assert counts["n_articles_new"] == N_ARTICLES  # the run completed and loaded everything
    assert reader.returncode == 0, err
    stats = json.loads(out.strip().splitlines()[-1])
    assert stats["errors"] == [], stats["errors"][:5]
    assert stats["main_reads"] > 0 and stats["snapshot_reads"] > 0 and stats["session_reads"] > 0
    assert cli_results, "radar sql never ran"
    for result in cli_results:
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout.strip().splitlines()[-1])["n"] in range(N_ARTICLES + 1)
    # The snapshot now shows the run's result to a fresh reader.
    with db.read_only(snapshot) as con:
        assert con.execute("select count(*) from raw.articles").fetchall()[0][0] == N_ARTICLES
        assert con.execute("select status from ops.runs").fetchall() == [("completed",)]
    print(f"\nrun took {run_seconds:.1f} s; reads meanwhile: {stats['main_reads']} on the warehouse "
          f"(worst wait {stats['worst_main_s']:.2f} s), "
          f"{stats['snapshot_reads']} on the snapshot, {stats['session_reads']} in a held session, "
          f"{len(cli_results)} `radar sql` commands")


def test_snapshot_publish_is_atomic_and_has_a_logical_fallback(tmp_path):
    """Both copy paths give a complete database; a reader holding the old snapshot keeps its consistent view."""
    import duckdb

    from warehouse.snapshot import publish_read_snapshot

    main = tmp_path / "radar.duckdb"
    db.migrate(main)
    with db.writing(main) as con:
        con.execute("create table raw.t as select range as i from range(1000)")
    held = duckdb.connect(str(publish_read_snapshot(main)), read_only=True)
    try:
        with db.writing(main) as con:
            con.execute("insert into raw.t select range from range(5)")
        snapshot = publish_read_snapshot(main, logical=True)   # ATTACH + COPY FROM DATABASE
        assert held.execute("select count(*) from raw.t").fetchall() == [(1000,)]
    finally:
        held.close()
    with duckdb.connect(str(snapshot), read_only=True) as con:
        assert con.execute("select count(*) from raw.t").fetchall() == [(1005,)]
        assert con.execute("select count(*) from marts.model_releases").fetchall() == [(0,)]  # views copied too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["radar.duckdb", "radar.read.duckdb"]  # no temp files left

"""A run killed at any point and run again ends with the same warehouse as one clean run.

`radar run` is started as a subprocess against a loopback site with 30 article pages (the 22 demo pages plus 8
syndicated copies, so some events are reported by two articles), articles in batches of 5. One warehouse gets a
single clean run. The other gets runs SIGKILLed at fixed times while Python and Prefect start (2 s, 4 s, 6 s), then
right after the feed poll committed its entries (no article yet), then in the middle of the article batches
(detected by polling raw.entries / raw.articles read-only), and finally one run to completion. Both warehouses
must hold the same entries, articles (and text), mentions and events (with the same article counts), and the
warehouse left by the mid-batch kill must hold whole batches only.

The runs killed while starting and in the middle of the batches start Prefect's temporary server, as a user's run
does (no PREFECT_API_URL); the run killed after the feed poll, the final run and the clean run (in parallel) use the
test session's server (a temporary server costs ~10 s of CPU, and those kills test the warehouse, not Prefect). Each
process gets its own PREFECT_HOME and its own process group, and a kill must also end the temporary Prefect server it
started; anything still carrying this test's marker in its environment afterwards is killed by pid (and fails the
test).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import duckdb
import pytest

from tests.conftest import DEMO, rss
from tests.fault_server import FaultServer
from tests.prefect_server import without_session_server
from warehouse import db

pytestmark = pytest.mark.timeout(420)  # hang guard; the test takes about three minutes

MARK = "RADAR_CRASH_TEST_MARK"
BATCH = 5
SYNDICATED = ["gpt-4o-launch", "mistral-series-b", "openai-funding-157b", "llama-3-1-405b", "deepseek-r1-cost",
              "nyt-sues-openai", "xai-series-c", "eu-ai-act-in-force"]
RUN_LIMIT_S = 240


class Runner:
    def __init__(self, tmp: Path, feeds: Path):
        self.tmp, self.feeds = tmp, feeds
        self.markers: dict[int, str] = {}  # pid -> the marker in that run's environment (and its children's)
        self.logs: list[Path] = []

    def start(self, db_path: Path, home: str, temporary_server: bool = True) -> subprocess.Popen:
        env = {**(without_session_server() if temporary_server else os.environ), "RADAR_ALLOW_HOSTS": "127.0.0.1",
               "RADAR_ARTICLE_BATCH_SIZE": str(BATCH),
               "RADAR_CONFIG": str(self.tmp / "no-radar.toml"), "PREFECT_HOME": str(self.tmp / home),
               MARK: uuid.uuid4().hex}
        log = self.tmp / f"run-{len(self.logs)}.log"
        self.logs.append(log)
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "cli.main", "run", "--feeds", str(self.feeds),
                                     "--db", str(db_path)],
                                    cwd=self.tmp, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.markers[proc.pid] = env[MARK]
        return proc

    def kill(self, proc: subprocess.Popen) -> None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the run and the temporary Prefect server it started
        except ProcessLookupError:
            pass
        proc.wait(timeout=30)
        self.reap([self.markers[proc.pid]])

    def reap(self, markers: list[str] | None = None) -> list[int]:
        """SIGKILL any process left with one of these runs' markers in its environment (by pid); returns their pids."""
        needles = [f"{MARK}={m}".encode() for m in (markers or self.markers.values())]
        left = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue
            if any(n in environ for n in needles):
                left.append(int(entry.name))
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return left

    def tail(self, n: int = 3000) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-n:]}" for p in self.logs if p.exists())


def counts(db_path: Path) -> dict | None:
    """Rows so far, read-only and briefly (the writer retries while we hold the file); None if not readable now."""
    if not db_path.exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("raw.entries", "raw.articles")}
    except duckdb.Error:
        return None
    finally:
        con.close()


def kill_when(runner: Runner, proc: subprocess.Popen, db_path: Path, ready, what: str) -> dict:
    deadline = time.monotonic() + RUN_LIMIT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the run ended (exit {proc.returncode}) before it could be killed {what}\n{runner.tail()}")
        seen = counts(db_path)
        if seen is not None and ready(seen):
            runner.kill(proc)
            return seen
        time.sleep(0.15)
    runner.kill(proc)
    pytest.fail(f"never reached the point to kill {what}\n{runner.tail()}")


def build_site(root: Path, base_url: str) -> int:
    (root / "articles").mkdir(parents=True)
    (root / "feeds").mkdir()
    for page in sorted((DEMO / "articles").glob("*.html")):
        shutil.copy(page, root / "articles" / page.name)
    for name in SYNDICATED:
        # A syndicated copy is another outlet's article: it names itself, not the original, as canonical
        # (otherwise the pipeline rightly stores the two as one article).
        page = (DEMO / "articles" / f"{name}.html").read_text(encoding="utf-8")
        page = re.sub(r'<link rel="canonical" href="[^"]*">',
                      f'<link rel="canonical" href="/articles/{name}-syndicated.html">', page)
        (root / "articles" / f"{name}-syndicated.html").write_text(page, encoding="utf-8")
    pages = sorted(p.name for p in (root / "articles").iterdir())
    items = [{"title": f"Story {i}: {name}", "link": f"{base_url}/delay/150/articles/{name}",
              "date": f"Tue, {1 + i % 28:02d} Apr 2025 08:00:00 GMT"} for i, name in enumerate(pages)]
    (root / "feeds" / "crash.xml").write_text(rss(items, title="Crash feed"), encoding="utf-8")
    return len(pages)


SNAPSHOT = {
    "raw.entries": "select entry_id, url, title from raw.entries",
    "raw.articles": "select article_id, url, text_sha from raw.articles",
    "core.mentions": "select mention_id, article_id, event_key from core.mentions",
    "core.events": "select event_key, n_articles from core.events",
    "ops.quarantine": "select table_name, row_key from ops.quarantine",
}
KEYS = {"raw.entries": "entry_id", "raw.articles": "article_id", "core.mentions": "mention_id",
        "core.events": "event_key", "ops.quarantine": "row_key"}


def snapshot(db_path: Path) -> dict[str, list[tuple]]:
    return {table: sorted(db.query(db_path, sql).rows()) for table, sql in SNAPSHOT.items()}


def _by_article(mentions: list[tuple]) -> dict[str, set[str]]:
    grouped: dict[str, set[str]] = {}
    for mention_id, article_id, _ in mentions:
        grouped.setdefault(article_id, set()).add(mention_id)
    return grouped


def test_killed_runs_converge_to_the_clean_warehouse(tmp_path):
    site = tmp_path / "site"
    clean_db, crash_db = tmp_path / "clean.duckdb", tmp_path / "crash.duckdb"
    with FaultServer(root_dir=site) as server:
        n_pages = build_site(site, server.base_url)
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nurl = "{server.base_url}/feeds/crash.xml"\nname = "Crash feed"\n',
                         encoding="utf-8")
        runner = Runner(tmp_path, feeds)
        clean = runner.start(clean_db, "prefect-clean", temporary_server=False)  # the reference: the session's server
        try:
            # 1. Killed while Python and Prefect start.
            for seconds in (2, 4, 6):
                proc = runner.start(crash_db, "prefect-crash")
                time.sleep(seconds)
                runner.kill(proc)
            # 2. Killed right after the feed poll committed its entries, before any article.
            proc = runner.start(crash_db, "prefect-crash", temporary_server=False)
            after_poll = kill_when(runner, proc, crash_db, lambda c: c["raw.entries"] > 0, "after the feed poll")
            # 3. Killed in the middle of the article batches (on the session's server: the kills above already
            # caught runs with their temporary server starting, and its start-up costs ~12 s of CPU).
            proc = runner.start(crash_db, "prefect-crash", temporary_server=False)
            mid = kill_when(runner, proc, crash_db, lambda c: c["raw.articles"] >= BATCH, "between article batches")
            mid_copy = tmp_path / "mid.duckdb"
            shutil.copy(crash_db, mid_copy)
            # 4. One run to completion.
            final = runner.start(crash_db, "prefect-crash", temporary_server=False)
            assert final.wait(timeout=RUN_LIMIT_S) == 0, runner.tail()
            assert clean.wait(timeout=RUN_LIMIT_S) == 0, runner.tail()
        finally:
            for proc in (clean,):
                if proc.poll() is None:
                    runner.kill(proc)
            leftovers = runner.reap()
        assert leftovers == [], f"processes outlived their run: {leftovers}"

    assert after_poll["raw.articles"] == 0, f"the 'after the feed poll' kill came too late: {after_poll}"
    assert 0 < mid["raw.articles"] < n_pages - 1, f"the mid-batch kill did not land mid-way: {mid}"

    want, got = snapshot(clean_db), snapshot(crash_db)
    assert len(want["raw.entries"]) == n_pages
    # demo/about.html is not an article: quarantined, and stored from its entry's feed text (issue 16)
    assert len(want["raw.articles"]) == n_pages
    assert want["core.events"] and any(n == 2 for _, n in want["core.events"]), \
        "syndicated copies should give n_articles 2"
    for table in SNAPSHOT:
        keys = [row[0] if table != "ops.quarantine" else row for row in got[table]]
        assert len(keys) == len(set(keys)), f"{table}: duplicate {KEYS[table]} after the killed runs"
        missing, extra = set(want[table]) - set(got[table]), set(got[table]) - set(want[table])
        assert not missing and not extra, f"{table}: missing {sorted(missing)[:5]} extra {sorted(extra)[:5]}"

    # The warehouse the mid-batch kill left holds whole batches: every stored article with all its mentions.
    partial = snapshot(mid_copy)
    clean_mentions, partial_mentions = _by_article(want["core.mentions"]), _by_article(partial["core.mentions"])
    for article_id, _, _ in partial["raw.articles"]:
        assert partial_mentions.get(article_id, set()) == clean_mentions.get(article_id, set()), article_id
    assert set(partial["raw.entries"]) == set(want["raw.entries"])

    runs = db.query(crash_db, "select status from ops.runs order by started_at")["status"].to_list()
    assert runs[-1] == "completed" and "running" not in runs, runs

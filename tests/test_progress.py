"""Output for people: progress flows from the ingest to whoever listens (nobody: no-op), bars only on a terminal,
and a run with many failed fetches ends in one summary of them by kind, not one line per failure."""
from __future__ import annotations

import io
import os
import subprocess

import pytest

from cli.demo_server import serve_directory
from config.settings import Settings
from flows import progress
from sources.feeds import Feed
from tests.conftest import REPO, article_html, rss
from warehouse import db

N_MISSING = 12
N_DEAD_FEEDS = 4


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_no_op_without_listener_and_counts_with_one():
    progress.advance("pages", 5)  # nobody listens: nothing happens, nothing raises
    heard = []
    with progress.listening(lambda *event: heard.append(event)):
        progress.expect("pages", 10)
        progress.advance("pages", 4)
        progress.advance("pages", 0)
    progress.advance("pages", 1)
    assert heard == [("expect", "pages", 10), ("advance", "pages", 4)]


def test_bars_only_on_a_terminal():
    log, terminal = io.StringIO(), _Terminal()
    for stream in (log, terminal):
        with progress.display({"pages": 3}, stream=stream) as done:
            progress.advance("pages", 2)
            progress.advance("batches")
        assert done == {"pages": 2, "batches": 1}
    assert log.getvalue() == ""
    assert "pages fetched" in terminal.getvalue() and "batches" not in terminal.getvalue()


@pytest.fixture
def failing_site(tmp_path):
    root = tmp_path / "site"
    (root / "articles").mkdir(parents=True)
    (root / "feeds").mkdir()
    body = "Mistral AI released Mistral Large 2 on Wednesday, a model available under the Mistral Research License."
    (root / "articles" / "good.html").write_text(article_html("Mistral launches Mistral Large 2", body * 3),
                                                encoding="utf-8")
    items = [{"title": "Good", "link": "/articles/good.html", "date": "Wed, 24 Jul 2024 08:00:00 GMT"}]
    items += [{"title": f"Gone {i}", "link": f"/articles/missing-{i:02d}.html", "date": "Wed, 24 Jul 2024 09:00:00 GMT"}
              for i in range(N_MISSING)]
    (root / "feeds" / "ai.xml").write_text(rss(items), encoding="utf-8")
    with serve_directory(root) as base:
        feeds = [Feed(url=f"{base}/feeds/ai.xml", name="AI")]
        feeds += [Feed(url=f"{base}/feeds/dead-{i}.xml", name=f"Dead {i}") for i in range(N_DEAD_FEEDS)]
        yield base, feeds


def test_the_flow_reports_progress_at_stage_boundaries(tmp_path, failing_site):
    from flows.ingest import ingest

    _, feeds = failing_site
    db_path = tmp_path / "radar.duckdb"
    heard: dict[str, int] = {}
    expected: dict[str, int] = {}

    def listener(what, name, n):
        if what == "expect":
            expected[name] = n
        else:
            heard[name] = heard.get(name, 0) + n

    with progress.listening(listener):
        counts = ingest(feeds=feeds, db_path=str(db_path),
                        settings=Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0, obey_robots=False))
    assert expected == {"feeds": len(feeds), "pages": N_MISSING + 1}
    assert heard["feeds"] == len(feeds) and heard["pages"] == N_MISSING + 1 and heard["batches"] == 1
    # the found page, and the 404s from their entries' titles (a page that is gone leaves its feed text)
    assert heard["articles"] == counts["n_articles_new"] == N_MISSING + 1
    assert heard["events"] == counts["n_events_new"] >= 1


def test_radar_run_summarises_failed_fetches_by_kind(tmp_path, failing_site):
    base, feeds = failing_site
    feeds_file = tmp_path / "feeds.toml"
    feeds_file.write_text("".join(f'[[feeds]]\nurl = "{f.url}"\nname = "{f.name}"\n' for f in feeds), encoding="utf-8")
    config = tmp_path / "radar.toml"
    config.write_text('allow_hosts = ["127.0.0.1"]\nobey_robots = false\nmin_host_interval_s = 0\n', encoding="utf-8")
    db_path = tmp_path / "radar.duckdb"
    done = subprocess.run([str(REPO / ".venv" / "bin" / "radar"), "run", "--feeds", str(feeds_file), "--db",
                           str(db_path), "--config", str(config)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=900, env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr

    failed = db.query(db_path, "select kind, error_kind, url from raw.fetches where error_kind is not null")
    assert failed.height == N_MISSING + N_DEAD_FEEDS  # every failure is stored
    # Printed: one row per (kind, error kind) with its count and at most three of its urls.
    assert f"Failed fetches this run: {N_MISSING + N_DEAD_FEEDS}" in done.stdout
    assert sum(done.stdout.count(f"missing-{i:02d}.html") for i in range(N_MISSING)) == 3
    for kind, error_kind in set(failed.select("kind", "error_kind").iter_rows()):
        n = failed.filter((failed["kind"] == kind) & (failed["error_kind"] == error_kind)).height
        assert any(line.split()[:3] == [kind, error_kind, str(n)] for line in
                   (ln.strip("│┃ ").replace("│", " ") for ln in done.stdout.splitlines())), done.stdout
    # The log: one warning for the failed feeds, none per failure; no progress bars when not on a terminal.
    warnings = [line for line in done.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1 and f"{N_DEAD_FEEDS} of {len(feeds)} feeds failed" in warnings[0], done.stderr
    assert "pages fetched" not in done.stderr

"""radar backfill: real archives (../shared/archive, ../shared/corpus pages in a WARC written here) through the
real stages into a real DuckDB file; idempotent, resumable, held back from alerts, stored once with a live poll."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from cli.demo_server import serve_directory
from config.settings import Settings
from sources.archive import read_source
from sources.feeds import Feed
from tests.conftest import CORPUS, SHARED, needs_shared, rss
from warehouse import db

ARCHIVE = SHARED / "archive"
REALDEV = SHARED / "realdev" / "articles"
TABLES = ["raw.entries", "raw.articles", "core.mentions", "core.events", "ops.quarantine", "ops.alert_holds"]


def _counts(db_path: Path) -> dict[str, int]:
    return {t: db.query(db_path, f"select count(*) as n from {t}")["n"][0] for t in TABLES}


def _backfill(sources, db_path, **kwargs) -> list[dict]:
    from flows.backfill import backfill

    return backfill.fn([str(s) for s in sources], str(db_path), settings=Settings(backfill_batch_size=100), **kwargs)


def _announcements(tmp_path: Path, n: int) -> Path:
    """The first n lines of the real lab-announcements archive, plus two broken lines."""
    lines = (ARCHIVE / "lab-announcements.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    path = tmp_path / "announcements.jsonl"
    path.write_text("\n".join([*lines, "{not json", json.dumps({"title": "no url"})]) + "\n", encoding="utf-8")
    return path


@needs_shared
def test_jsonl_backfill_is_idempotent_resumable_and_quarantines_bad_lines(tmp_path, db_path):
    source = _announcements(tmp_path, 300)
    # A killed backfill leaves whole batches: model it by a first backfill of only the first half.
    half = tmp_path / "half.jsonl"
    half.write_text("\n".join(source.read_text(encoding="utf-8").splitlines()[:150]) + "\n", encoding="utf-8")
    _backfill([half], db_path)
    resumed = _backfill([source], db_path)[0]
    assert resumed["n_skipped"] == 150 and resumed["n_items"] == 300
    once = _counts(db_path)

    clean = tmp_path / "clean.duckdb"
    _backfill([source], clean)
    assert _counts(clean)["raw.articles"] == once["raw.articles"] == 300
    assert _counts(clean)["core.events"] == once["core.events"] > 0

    again = _backfill([source], db_path)[0]
    assert again["n_articles_new"] == 0 and again["n_events_new"] == 0 and _counts(db_path) == once
    bad = db.query(db_path, "select row_key, expectations from ops.quarantine where table_name = 'backfill'")
    assert sorted(r.rsplit(":", 1)[1] for r in bad["row_key"]) == ["301", "302"]
    assert any("not JSON" in e for e in bad["expectations"]) and any("no usable" in e for e in bad["expectations"])
    runs = db.query(db_path, "select kind, source, status from ops.runs order by started_at")
    assert runs["kind"].to_list() == ["backfill"] * 3 and set(runs["status"]) == {"completed"}
    sources = db.query(db_path, "select text_source, count(*) as n from raw.articles group by 1")
    assert set(sources["text_source"]) <= {"summary", "title"}  # lab announcements: titles and summaries


@needs_shared
def test_events_keep_their_real_dates_and_backfilled_events_are_not_alerted(tmp_path, db_path):
    from alerts.outbox import AlertRules

    source = _announcements(tmp_path, 300)
    _backfill([source], db_path)
    released = db.query(db_path, "select event_date from core.events where event_date is not null")
    assert released.height and all(d < "2026" for d in released["event_date"])  # not the backfill's date
    held = db.query(db_path, "select count(*) as n from ops.alert_holds")["n"][0]
    assert held == db.query(db_path, "select count(*) as n from core.events")["n"][0]

    # The alert queue skips held events, even with rules that would take every one of them.
    with db.writing(db_path) as con:
        con.execute("insert into ops.alert_channels values ('c1', 'json://example', '2000-01-01', '2000-01-01')")
        con.register("incoming", pl.DataFrame({"channel": ["c1"]}))
        rules = AlertRules(types=("model_release", "funding", "leadership", "partnership", "acquisition"),
                           min_confidence=0.0, statuses=("done", "planned", "reported"), max_age_days=0)
        con.execute(db.sql_text("alert_enqueue"), rules.params())
    assert db.query(db_path, "select count(*) as n from ops.alerts")["n"][0] == 0

    alerted = tmp_path / "alerted.duckdb"
    _backfill([source], alerted, alert=True)
    assert db.query(alerted, "select count(*) as n from ops.alert_holds")["n"][0] == 0


@needs_shared
def test_feed_versions_replay_as_polls(tmp_path, db_path):
    versions = ARCHIVE / "feed-history" / "anthropic_news"
    (batch,) = list(read_source(versions))
    assert (len(batch.polls) == 20
            and [Path(v).name for v, _ in batch.polls] == sorted(p.name for p in versions.iterdir()))
    from transforms.feeds import parse_feed

    distinct, latest = set(), {}
    for _, content in batch.polls:
        entries = parse_feed(content, f"archive:{versions.name}").entries
        distinct |= set(entries["url"].drop_nulls())
        latest.update({r["entry_id"]: (r["title"], r["summary"]) for r in entries.iter_rows(named=True)})
    result = _backfill([versions], db_path)[0]
    # Every version re-lists old entries (reordered, re-stamped): each story is stored once.
    assert result["n_articles_new"] == len(distinct)
    assert _counts(db_path)["raw.entries"] == len(latest)  # one row per (feed, guid) seen in any version
    assert result["n_skipped"] == result["n_items"] - len(distinct) > 0
    # Entries the feed edited in place (this feed retitles and rewrites summaries) hold their latest text.
    stored = {r["entry_id"]: (r["title"], r["summary"])
              for r in db.query(db_path, "select entry_id, title, summary from raw.entries").to_dicts()}
    assert stored == latest


@needs_shared
def test_saved_pages_with_front_matter_and_a_warc_file(tmp_path, db_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    (batch,) = list(read_source(REALDEV))
    assert batch.items.height == len(list(REALDEV.glob("*.md"))) and not batch.errors
    assert batch.items["url"].str.starts_with("https://").all()
    assert batch.items["published_at"].is_not_null().all()

    # Real article pages from the corpus, written into a WARC here with a crawl date years after publication.
    warc = tmp_path / "news.warc.gz"
    html_pages = sorted((CORPUS / "html").glob("fundus_techcrunch_*.html"))
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, page in enumerate(html_pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://techcrunch.example/story-{i}", "response",
                                               payload=io.BytesIO(page.read_bytes()), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2029-01-01T00:00:00Z"})
            writer.write_record(record)
    (warc_batch,) = list(read_source(warc))
    assert warc_batch.items.height == len(html_pages) > 0
    result = _backfill([warc], db_path)[0]
    assert result["n_articles_new"] == len(html_pages)
    dates = db.query(db_path, "select published_at from raw.articles")["published_at"]
    assert all(d.year == 2024 for d in dates)  # the pages' own dates, not the crawl's


@needs_shared
def test_truncated_warc_keeps_what_it_read(tmp_path, db_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "cut.warc"
    page = next((CORPUS / "html").glob("fundus_techcrunch_*.html")).read_bytes()
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        for i in range(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://ex.example/{i}", "response",
                                                          payload=io.BytesIO(page), http_headers=headers))
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - len(page) // 2])  # the last record is cut short
    result = _backfill([warc], db_path)[0]
    assert result["n_articles_new"] >= 2 and result["n_quarantined"] >= 0


@needs_shared
def test_backfill_then_live_poll_stores_the_story_once(tmp_path, db_path):
    """A story backfilled from an archive and later seen in a live feed is one article."""
    from flows.ingest import ingest

    site = tmp_path / "site"
    (site / "feeds").mkdir(parents=True)
    page = next((CORPUS / "html").glob("fundus_techcrunch_*.html"))
    (site / "story.html").write_bytes(page.read_bytes())
    with serve_directory(site) as base:
        url = f"{base}/story.html"
        archive = tmp_path / "one.jsonl"
        archive.write_text(json.dumps({"url": url, "html": page.read_text(encoding="utf-8"),
                                       "published": "2024-04-28"}) + "\n", encoding="utf-8")
        _backfill([archive], db_path)
        (site / "feeds" / "f.xml").write_text(rss([{"title": "Story", "link": url,
                                                    "date": "Sun, 28 Apr 2024 08:00:00 GMT"}]), encoding="utf-8")
        counts = ingest(feeds=[Feed(url=f"{base}/feeds/f.xml", name="F")], db_path=str(db_path),
                        settings=Settings(allow_hosts=("127.0.0.1",)))
    assert counts["n_articles_new"] == 0
    assert db.query(db_path, "select count(*) as n from raw.articles")["n"][0] == 1
    fetched = db.query(db_path, "select count(*) as n from raw.fetches where kind = 'article'")["n"][0]
    assert fetched == 0  # the page was not fetched again


def test_cli_backfill_refuses_missing_sources_and_bad_dates(tmp_path):
    radar = [sys.executable, "-m", "cli.main"]
    missing = subprocess.run([*radar, "backfill", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "w.duckdb")],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no such source" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "a.jsonl").write_text("", encoding="utf-8")
    bad_date = subprocess.run([*radar, "backfill", str(tmp_path / "a.jsonl"), "--since", "last week"],
                              capture_output=True, text=True, timeout=120)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr


@pytest.mark.parametrize("name", ["notes.csv"])
def test_unknown_source_kind_is_an_error_not_a_crash(tmp_path, name):
    path = tmp_path / name
    path.write_text("a,b\n", encoding="utf-8")
    (batch,) = list(read_source(path))
    assert batch.items.is_empty() and "unknown kind of source" in batch.errors[0][1]


@needs_shared
def test_backfill_killed_mid_run_resumes_to_the_same_warehouse(tmp_path):
    """A real `radar backfill` process is SIGKILLed after its first committed batches; the rerun skips what was
    stored and ends with the same entries, articles, mentions and events as an uninterrupted backfill."""
    import signal
    import time

    source = tmp_path / "announcements.jsonl"  # 400 real announcements: 8 batches of 50
    lines = (ARCHIVE / "lab-announcements.jsonl").read_text(encoding="utf-8").splitlines()[:400]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    command = [sys.executable, "-m", "cli.main", "backfill", str(source), "--db", str(killed_db)]
    env = {**__import__("os").environ, "RADAR_BACKFILL_BATCH_SIZE": "50"}
    log = tmp_path / "backfill.stderr"
    with open(log, "w") as stderr:
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + 600  # Prefect's temporary server and the GX import start first
    # One progress line per committed batch: kill after the second.
    while log.read_text(errors="replace").count(" new articles") < 2:
        assert proc.poll() is None, f"backfill ended before it was killed: {log.read_text()[-2000:]}"
        assert time.monotonic() < deadline, "no progress lines within 600 s"
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    stored = _counts(killed_db)["raw.articles"]
    assert 100 <= stored < 400  # killed mid-run: some batches committed, not all

    resumed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    runs = db.query(killed_db, "select status from ops.runs where kind = 'backfill' order by started_at")
    assert runs["status"].to_list() == ["abandoned", "completed"]

    _backfill([source], clean_db)
    tables = ["raw.entries", "raw.articles", "core.mentions", "core.events"]
    assert {t: _counts(killed_db)[t] for t in tables} == {t: _counts(clean_db)[t] for t in tables}
    keys = "select url from raw.articles order by url"
    assert db.query(killed_db, keys).equals(db.query(clean_db, keys))

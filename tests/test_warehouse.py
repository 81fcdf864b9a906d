"""Migrations, idempotent loads and the event merge, on real DuckDB files."""
from datetime import datetime, timezone

import duckdb
import polars as pl
import pytest

from transforms.extract import MENTION_SCHEMA
from warehouse import db, stages

T0 = datetime(2025, 1, 28, tzinfo=timezone.utc)


def test_migrations_apply_once(db_path):
    first = db.migrate(db_path)
    assert first == sorted(first) and first[0].startswith("001_")
    assert db.migrate(db_path) == []
    versions = db.query(db_path, "select version from ops.schema_migrations order by version")["version"].to_list()
    assert versions == first
    views = db.query(db_path, "select table_name from information_schema.tables where table_schema = 'marts'")
    assert {"model_releases", "events", "org_activity", "feed_health"} <= set(views["table_name"])


def _article(article_id: str, url: str, site: str, fetched_at=T0) -> dict:
    return {"article_id": article_id, "url": url, "feed_url": "http://f", "title": "t", "published_at": T0,
            "text": "x" * 400, "text_sha": "0" * 64, "lang": "en", "site_name": site, "fetched_at": fetched_at}


def _mention(mention_id: str, article_id: str, **fields) -> dict:
    row = {k: None for k in MENTION_SCHEMA}
    row.update(mention_id=mention_id, article_id=article_id, type="model_release", org="DeepSeek", model="DeepSeek-R1",
               evidence="DeepSeek released R1.", confidence=0.8, status="done",
               event_key="model_release|deepseek|deepseek-r1", extractor_version="test")
    row.update(fields)
    return row


def _load(db_path, articles, mentions):
    return stages.load_article_batch(
        db_path, "run1", pl.DataFrame(schema={"fetch_id": pl.String}).clear(),
        pl.DataFrame(articles), pl.DataFrame(mentions, schema=MENTION_SCHEMA),
        pl.DataFrame(schema=stages.QUARANTINE_SCHEMA))


def test_mentions_from_two_outlets_merge_into_one_event(db_path):
    db.migrate(db_path)
    articles = [_article("a1", "http://one/r1", "One"), _article("a2", "http://two/r1", "Two", T0.replace(day=29))]
    mentions = [_mention("m1", "a1", event_date="2025-01"),
                _mention("m2", "a2", event_date="2025-01-20", open_weights=True, license="MIT", confidence=0.9)]
    counts = _load(db_path, articles, mentions)
    assert counts["n_articles_new"] == 2 and counts["n_mentions_new"] == 2 and counts["n_events_new"] == 1
    event = db.query(db_path, "select * from marts.model_releases").to_dicts()
    assert len(event) == 1
    e = event[0]
    assert (e["n_articles"], e["n_outlets"], e["open_weights"], e["license"], e["release_date"]) == (
        2, 2, True, "MIT", "2025-01-20")
    assert e["first_seen_at"] == T0 and e["sources"] == ["http://one/r1", "http://two/r1"]

    again = _load(db_path, articles, mentions)
    assert again["n_articles_new"] == 0 and again["n_mentions_new"] == 0 and again["n_events_new"] == 0
    assert db.query(db_path, "select count(*) as n from core.events")["n"][0] == 1


def test_a_failing_batch_leaves_nothing_behind(db_path):
    db.migrate(db_path)
    bad_mentions = [_mention("m1", "a1", evidence=None)]  # violates NOT NULL after the article row went in
    with pytest.raises(duckdb.ConstraintException):
        _load(db_path, [_article("a1", "http://one/r1", "One")], bad_mentions)
    assert db.query(db_path, "select count(*) as n from raw.articles")["n"][0] == 0


@pytest.mark.parametrize("table", ["articles", "mentions", "fetches"])
def test_a_duplicate_id_within_a_batch_is_refused_not_stored_twice(db_path, table):
    """Articles, mentions and fetches are inserted by anti-join (warehouse/sql/insert_*.sql), which drops ids already
    stored but not an id that comes twice in one batch: their primary keys refuse that, and nothing is stored."""
    db.migrate(db_path)
    articles = [_article("a1", "http://one/r1", "One")]
    mentions = [_mention("m1", "a1")]
    fetches = [{"fetch_id": "f1", "run_id": "run1", "kind": "article", "url": "http://one/r1", "fetched_at": T0}]
    rows = {"articles": articles, "mentions": mentions, "fetches": fetches}
    rows[table] = rows[table] * 2
    with pytest.raises(duckdb.ConstraintException, match="duplicate key"):
        stages.load_article_batch(db_path, "run1", pl.DataFrame(rows["fetches"]), pl.DataFrame(rows["articles"]),
                                  pl.DataFrame(rows["mentions"], schema=MENTION_SCHEMA),
                                  pl.DataFrame(schema=stages.QUARANTINE_SCHEMA))
    counts = db.query(db_path, "select (select count(*) from raw.articles) as a, (select count(*) from core.mentions)"
                               " as m, (select count(*) from raw.fetches) as f").row(0)
    assert counts == (0, 0, 0)


def test_a_bulk_writers_large_append_goes_into_the_file_not_through_the_wal(db_path):
    """A bulk writer's append of a row group or more (db.BULK_ROW_GROUP_SIZE) is written into the file before the
    commit, so the commit writes no copy of it to the WAL for a checkpoint to write again (the merger's transactions of
    articles: stages.merge_landed)."""
    db.migrate(db_path)
    wal = db_path.with_name(db_path.name + ".wal")
    rows = pl.DataFrame({"n": range(db.BULK_ROW_GROUP_SIZE + 1)}).with_columns(
        text=pl.concat_str(pl.lit("article "), pl.col("n").cast(pl.String), pl.lit(" of the backlog" * 50)))
    with db._write_connection(db_path, bulk=True) as con:
        with db.transaction(con):
            con.execute("create table raw.bulk (n bigint, text varchar)")
            con.register("incoming", rows.to_arrow())
            con.execute("insert into raw.bulk select * from incoming")
        assert rows["text"].str.len_bytes().sum() > 10_000_000
        assert (wal.stat().st_size if wal.exists() else 0) < 1_000_000
    assert db.query(db_path, "select count(*) as n from raw.bulk")["n"][0] == rows.height


@pytest.mark.parametrize("stem", ["memory", "main", "temp", "system", "radar"])
def test_a_warehouse_file_may_have_any_name(tmp_path, stem):
    """The bulk writer attaches the file under its name; DuckDB's own names ("memory", "main", ...) take a suffix."""
    path = tmp_path / f"{stem}.duckdb"
    db.migrate(path)
    with db.writing(path, bulk=True) as con:
        con.execute("insert into ops.runs (run_id, started_at, status) values ('r1', now(), 'running')")
    assert db.query(path, "select count(*) as n from ops.runs")["n"][0] == 1


def test_reader_waits_for_another_process_holding_the_write_lock(db_path):
    import subprocess
    import sys
    import time

    db.migrate(db_path)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb,time; c=duckdb.connect({str(db_path)!r}); print('held', flush=True); time.sleep(1.5)"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    assert db.query(db_path, "select 1 as one")["one"][0] == 1
    assert time.monotonic() - started >= 0.5  # it waited for the lock rather than failing
    holder.wait(timeout=10)


def test_opening_waits_for_another_process_lock_then_gives_up(tmp_path):
    """DuckDB lets one process hold the file: opening retries (tenacity) while the lock is held, for wait_s."""
    import subprocess
    import sys

    path = tmp_path / "locked.duckdb"
    db.migrate(path)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"con = duckdb.connect({str(path)!r}); print('held', flush=True)\n"
                               "sys.stdin.readline(); con.close()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(duckdb.IOException, match="Could not set lock"), db.read_only(path, wait_s=0.3):
            pass
        holder.stdin.write("\n")  # let go: a waiting open then succeeds
        holder.stdin.flush()
        with db.read_only(path, wait_s=60) as con:
            assert con.execute("select 1").fetchall() == [(1,)]
    finally:
        holder.kill()
        holder.wait(timeout=60)

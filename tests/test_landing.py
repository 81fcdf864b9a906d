"""Distributed mode's storage: workers land batches in Delta tables (warehouse/landing.py), one merger applies them
to the warehouse (flows/merge.py). Real batches (tests/landing_batches.py: the demo corpus on 127.0.0.1 through the
pipeline's own stages), real Delta tables in a temporary directory, real DuckDB files, real processes killed with
SIGKILL.

The reference is the embedded mode: the same batches loaded straight into a warehouse, one transaction each.
"""
from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest

from cli.demo_server import serve_directory
from flows.merge import merge_new_batches
from tests.landing_batches import DEMO, demo_batches, land, load_embedded
from warehouse import db, landing, stages

# hang guard: GX imports and Prefect start-up in child processes are slow on a busy machine
pytestmark = pytest.mark.timeout(1800)

REPO = Path(__file__).resolve().parent.parent
RUN_ID = "run-landing-test"
# What must be equal between the embedded warehouse and the merged one (every column the pipeline decides).
CONTENT = {
    "entries": "select entry_id, feed_url, url, title, summary, published_at from raw.entries",
    "articles": "select article_id, url, feed_url, title, published_at, text, text_sha, lang, site_name, fetched_at, "
                "canonical_url, text_source, page_error from raw.articles",
    "mentions": "select * exclude (extracted_at, run_id) from core.mentions",
    "events": "select * exclude (updated_at) from core.events",
    "fetches": "select fetch_id, kind, url, status, error_kind from raw.fetches",
    "feeds": "select feed_url, name, title, etag, health from raw.feeds",
    "quarantine": "select table_name, row_key, expectations from ops.quarantine",
}


@pytest.fixture(scope="module")
def batches(tmp_path_factory) -> tuple[list, Path]:
    with serve_directory(DEMO) as base:
        made = demo_batches(base + "/", RUN_ID, batch_size=4)
    pickled = tmp_path_factory.mktemp("batches") / "batches.pickle"
    pickled.write_bytes(pickle.dumps(made))
    return made, pickled


@pytest.fixture(scope="module")
def embedded(batches, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("embedded") / "radar.duckdb"
    db.migrate(path)
    load_embedded(path, RUN_ID, batches[0])
    return path


def content(path: Path) -> dict[str, pl.DataFrame]:
    return {name: db.query(path, f"{sql} order by all") for name, sql in CONTENT.items()}


def assert_same_warehouse(merged: Path, embedded: Path) -> None:
    got, want = content(merged), content(embedded)
    for name in CONTENT:
        assert got[name].height == want[name].height, f"{name}: {got[name].height} rows, want {want[name].height}"
        assert got[name].equals(want[name]), f"{name} differs"


def child(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "tests.landing_batches", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=600)
    if check and proc.returncode != 0:
        pytest.fail(f"child {args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr[-3000:]}")
    return proc


def merge(root: Path, path: Path) -> dict:
    db.migrate(path)
    return merge_new_batches.fn(str(root), str(path))


def test_three_concurrent_writers_and_the_merger_equal_the_embedded_load(batches, embedded, tmp_path):
    made, pickled = batches
    root = tmp_path / "landing"
    procs = [subprocess.Popen([sys.executable, "-m", "tests.landing_batches", "land", str(root), RUN_ID, str(pickled),
                               "--shard", f"{i}/3"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for i in range(3)]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [o[1][-2000:] for o in outputs]
    assert sum(int(out.strip()) for out, _ in outputs) == len(made)  # every batch landed once
    markers = landing.committed_batches(str(root))
    assert markers.height == len(made) and markers["batch_id"].n_unique() == len(made)

    # Landing the same batches again writes nothing: no new marker, no new Delta version of any table.
    version = landing.markers_version(str(root))
    assert land(str(root), RUN_ID, made) == 0
    assert landing.markers_version(str(root)) == version

    merged = tmp_path / "merged.duckdb"
    first = merge(root, merged)
    assert first["n_batches"] == len(made) and first["markers_version"] == version
    assert_same_warehouse(merged, embedded)

    # Nothing new landed: the merge reads nothing and changes nothing.
    before = content(merged)
    again = merge(root, merged)
    assert again["n_batches"] == 0 and again["n_merges"] == 0
    assert all(content(merged)[name].equals(before[name]) for name in CONTENT)
    assert db.query(merged, "select count(*) as n from ops.landing_batches")["n"][0] == len(made)


def test_a_worker_killed_mid_batch_and_run_again_changes_nothing(batches, embedded, tmp_path):
    made, pickled = batches
    root = tmp_path / "landing"
    # Killed after the batch's fetches and articles were written, before its mentions and its marker.
    killed = child("land", str(root), RUN_ID, str(pickled), "--shard", "1/7", "--die-at", "mentions", check=False)
    assert killed.returncode == -9 and "dying before mentions" in killed.stdout
    orphans = pl.read_delta(landing.table_uri(str(root), "articles"))
    assert orphans.height > 0 and landing.committed_batches(str(root)).is_empty()

    merged = tmp_path / "merged.duckdb"
    assert merge(root, merged)["n_batches"] == 0  # the killed attempt is invisible
    assert db.query(merged, "select count(*) as n from raw.articles")["n"][0] == 0

    assert int(child("land", str(root), RUN_ID, str(pickled)).stdout.strip()) == len(made)
    assert merge(root, merged)["n_batches"] == len(made)
    assert_same_warehouse(merged, embedded)  # the orphans of the killed attempt were not merged

    # Compaction drops the merged run, orphans included; a batch landed later is still merged.
    report = landing.compact(str(root), stages.merged_batches(merged), grace=timedelta(0), retention_hours=0)
    assert report["runs_dropped"] == 1
    assert pl.read_delta(landing.table_uri(str(root), "articles")).height == 0
    assert landing.committed_batches(str(root)).is_empty()
    assert land(str(root), "run-after-compaction", made[:1]) == 1
    assert merge(root, merged)["n_batches"] == 1


def test_the_merger_killed_mid_merge_and_run_again_changes_nothing(batches, embedded, tmp_path):
    made, pickled = batches
    root = tmp_path / "landing"
    merged = tmp_path / "merged.duckdb"
    land(str(root), RUN_ID, made[:3])
    assert merge(root, merged)["n_batches"] == 3
    before = content(merged)
    merged_before = db.query(merged, "select * from ops.landing_merges order by all")
    land(str(root), RUN_ID, made[3:])

    # Killed inside the merge's transaction: entries, fetches and articles were loaded, mentions were next.
    killed = child("merge", str(root), str(merged), "--die-at", "insert_mentions", check=False)
    assert killed.returncode == -9 and "dying before insert_mentions" in killed.stdout
    after_kill = content(merged)
    assert all(after_kill[name].equals(before[name]) for name in CONTENT), "a killed merge left rows behind"
    assert db.query(merged, "select * from ops.landing_merges order by all").equals(merged_before)

    rerun = child("merge", str(root), str(merged))
    assert f"'n_batches': {len(made) - 3}" in rerun.stdout
    assert_same_warehouse(merged, embedded)


def test_a_merge_stopped_between_its_transactions_is_finished_by_the_next(batches, embedded, tmp_path, monkeypatch):
    """A backlog is merged in several transactions (max_articles each); a merge that dies after the first has not
    read the markers version to the end, so the next merge takes the rest, although nothing new was landed."""
    made, _ = batches
    root, merged = tmp_path / "landing", tmp_path / "merged.duckdb"
    land(str(root), RUN_ID, made)
    db.migrate(merged)
    real, calls = stages.merge_landed, []

    def dies_at_the_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("killed between two transactions")
        return real(*args, **kwargs)

    monkeypatch.setattr(stages, "merge_landed", dies_at_the_second)
    with pytest.raises(RuntimeError, match="killed between"):
        merge_new_batches.fn(str(root), str(merged), max_articles=4)
    assert db.query(merged, "select count(*) as n from ops.landing_batches")["n"][0] == 2
    monkeypatch.setattr(stages, "merge_landed", real)

    rest = merge_new_batches.fn(str(root), str(merged), max_articles=4)
    assert rest["n_batches"] == len(made) - 2
    assert_same_warehouse(merged, embedded)
    assert merge_new_batches.fn(str(root), str(merged), max_articles=4)["n_merges"] == 0


def test_articles_extracted_again_after_an_extractor_upgrade_are_landed(tmp_path, monkeypatch):
    """A landing worker whose extractor raised on two articles, upgraded: the mentions found on its next run, and
    the quarantine rows they clear, reach the merged warehouse as they reach the worker's own file."""
    import flows.ingest as ingest_module
    from config.settings import Settings
    from sources.feeds import Feed
    from tests.test_isolation import MARKER, PoisonedExtractor, _site, _story

    monkeypatch.setattr(ingest_module, "extract_mentions", PoisonedExtractor(ingest_module.extract_mentions))
    site = _site(tmp_path, [_story(i) for i in range(4)] + [_story(4, f"{MARKER}."), _story(5, f"{MARKER}!")])
    root, worker, merged = str(tmp_path / "landing"), tmp_path / "worker.duckdb", tmp_path / "merged.duckdb"
    settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0, extract_workers=1)
    failed = ("select row_key, extractor_version from ops.quarantine where stage = 'extract_events' "
              "order by all")
    mentions = "select mention_id, article_id, event_key from core.mentions order by all"
    with serve_directory(site) as base:
        feeds = [Feed(url=f"{base}/feed.xml")]
        ingest_module.ingest(feeds=feeds, db_path=str(worker), settings=settings, landing_root=root)
        assert db.query(worker, failed).height == 2
        monkeypatch.setattr(ingest_module, "EXTRACTOR_VERSION", "rules-next")
        monkeypatch.setattr(ingest_module, "extract_mentions", ingest_module.extract_mentions.real)
        upgraded = ingest_module.ingest(feeds=feeds, db_path=str(worker), settings=settings, landing_root=root)
    assert upgraded["n_mentions_new"] > 0 and db.query(worker, failed).is_empty()
    assert "reextract" in landing.committed_batches(root)["batch_id"].to_list()

    merge(Path(root), merged)
    assert db.query(merged, failed).is_empty()
    assert db.query(merged, mentions).equals(db.query(worker, mentions))
    assert db.query(merged, "select * exclude (updated_at) from core.events order by all").equals(
        db.query(worker, "select * exclude (updated_at) from core.events order by all"))


def test_a_batch_whose_rows_do_not_match_its_marker_is_refused(batches, tmp_path):
    made, _ = batches
    root = str(tmp_path / "landing")
    land(root, RUN_ID, made[1:2])
    table = landing.table_uri(root, "mentions")
    from deltalake import DeltaTable

    DeltaTable(table).delete()  # rows lost behind the marker's back (a vacuum too early, files removed by hand)
    with pytest.raises(landing.LandingMismatch, match="mentions"):
        landing.read_batches(root, landing.committed_batches(root))


def test_an_article_that_fails_validation_at_the_merger_is_quarantined_with_its_mentions_left_out(batches, tmp_path):
    made, _ = batches
    batch_id, kwargs = next((b, k) for b, k in made if "mentions" in k and k["mentions"].height)
    broken = kwargs["mentions"]["article_id"][0]
    # a row its worker's suite would have refused (a worker of another version, a row changed in the landing store)
    articles = kwargs["articles"].with_columns(
        text_source=pl.when(pl.col("article_id") == broken).then(pl.lit("bogus")).otherwise(pl.col("text_source")))
    root = str(tmp_path / "landing")
    land(root, RUN_ID, [(batch_id, {**kwargs, "articles": articles})])
    merged = tmp_path / "merged.duckdb"
    merge(Path(root), merged)

    def ids(sql: str) -> set:
        return set(db.query(merged, sql)["article_id"].to_list())

    assert broken not in ids("select article_id from raw.articles")
    assert broken not in ids("select article_id from core.mentions")  # no mention without its article
    kept = set(kwargs["mentions"]["article_id"].to_list()) - {broken}
    assert kept and kept <= ids("select article_id from core.mentions")
    url = articles.filter(pl.col("article_id") == broken)["url"][0]
    assert db.query(merged, "select row_key from ops.quarantine where table_name = 'articles'")["row_key"].to_list() \
        == [url]


def test_radar_merge_sends_each_new_release_once_and_publishes_the_snapshot(batches, tmp_path):
    """`radar merge` end to end (Prefect flow, writer lock, alerts through the outbox to a real webhook, read
    snapshot); a second merge with nothing landed sends nothing."""
    from datetime import datetime, timezone

    from alerts import outbox
    from config.settings import Settings
    from tests.sinks import WebhookSink
    from warehouse.snapshot import snapshot_path

    made, _ = batches
    root, path = tmp_path / "landing", tmp_path / "radar.duckdb"
    db.migrate(path)
    env = {"RADAR_ALLOW_HOSTS": "127.0.0.1", "RADAR_ALERT_MAX_AGE_DAYS": "0",  # the demo's news is old news
           "RADAR_CONFIG": str(tmp_path / "none.toml"), "PREFECT_HOME": str(tmp_path / "prefect"),
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "600"}  # a busy machine starts the API slowly
    with WebhookSink() as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",))
        outbox.enqueue(path, settings)  # the channel subscribes now: what is fetched from now on is news
        now = datetime.now(timezone.utc)
        fresh = [(batch_id, {**kw, "articles": kw["articles"].with_columns(fetched_at=pl.lit(now))} if "articles" in kw
                  else kw) for batch_id, kw in made]
        land(str(root), RUN_ID, fresh)

        def radar_merge() -> subprocess.CompletedProcess:
            proc = subprocess.run([sys.executable, "-m", "cli.main", "merge", "--landing", str(root),
                                   "--db", str(path)],
                                  cwd=REPO, capture_output=True, text=True, timeout=600,
                                  env={**__import__("os").environ, **env, "RADAR_ALERT_URLS": hook.apprise_url})
            assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
            return proc

        first = radar_merge()
        assert f"Merged {len(made)} landed batches" in first.stdout
        # The default rule: done model releases with confidence 0.6 or more, one message each.
        releases = db.query(path, "select event_key from core.events where type = 'model_release' "
                                  "and status = 'done' and confidence >= 0.6")
        assert releases.height > 0
        assert len(hook.messages) == releases.height
        assert db.query(snapshot_path(path), "select count(*) as n from core.events")["n"][0] == \
            db.query(path, "select count(*) as n from core.events")["n"][0]

        second = radar_merge()
        assert "Merged 0 landed batches" in second.stdout
        assert len(hook.messages) == releases.height  # nothing sent twice


# --------------------------------------------------------------------------- radar run --shard I/N --landing ROOT

RADAR = REPO / ".venv" / "bin" / "radar"
N_SITES = 100  # x the demo's 3 feeds = 300 feeds, on 100 registrable domains
# Compared by key: which feed an article shared by many feeds is recorded under, and when, may differ by mode.
KEYS = {
    "entries": ("entry_id", "select entry_id, feed_url, url from raw.entries"),
    "articles": ("article_id", "select article_id, url, text_sha from raw.articles"),
    "mentions": ("mention_id", "select mention_id, article_id, event_key from core.mentions"),
    "events": ("event_key", "select event_key from core.events"),
}


def keyed_content(path: Path) -> dict[str, pl.DataFrame]:
    return {name: db.query(path, f"{sql} order by all") for name, (_, sql) in KEYS.items()}


def radar(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([str(RADAR), *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(not RADAR.exists(), reason="needs the project's virtualenv (make install)")
def test_three_shard_workers_landing_and_the_merger_equal_one_radar_run(tmp_path):
    """300 feeds on 100 sites (the demo's 3 feeds under each site's host, reached on 127.0.0.1 through connect_to),
    whose entries all link to the demo's articles on one host: every shard fetches those pages, so the merger gets
    each article from three workers and must keep one."""
    site = tmp_path / "site"
    (site / "feeds").mkdir(parents=True)
    (site / "articles").symlink_to(DEMO / "articles")
    for feed in (DEMO / "feeds").glob("*.xml"):
        data = feed.read_bytes()  # not all UTF-8: bytes, as served
        for before in (b'"', b">"):  # href="/articles/..." (Atom) and <link>/articles/...</link> (RSS)
            data = data.replace(before + b"/articles/", before + b"http://demo.radar.test/articles/")
        (site / "feeds" / feed.name).write_bytes(data)
    hosts = [f"news.site{i}.test" for i in range(N_SITES)]
    feeds = tmp_path / "feeds.toml"
    feeds.write_text("".join(f'[[feeds]]\nurl = "http://{h}/feeds/{f.name}"\n'
                             for h in hosts for f in sorted((site / "feeds").glob("*.xml"))), encoding="utf-8")
    root, single, main = tmp_path / "landing", tmp_path / "single.duckdb", tmp_path / "main.duckdb"
    with serve_directory(site) as base:
        address = base.removeprefix("http://")
        connect = ", ".join(f'"{h}={address}"' for h in [*hosts, "demo.radar.test"])
        config = tmp_path / "radar.toml"
        config.write_text(f'allow_hosts = ["127.0.0.1"]\nconnect_to = [{connect}]\nobey_robots = false\n'
                          'min_host_interval_s = 0\n', encoding="utf-8")
        common = ("run", "--feeds", str(feeds), "--config", str(config))
        # The three workers and the single-process reference, all at once (each writes its own DuckDB file).
        procs = [radar(*common, "--db", str(tmp_path / f"worker{i}.duckdb"), "--shard", f"{i}/3", "--landing",
                       str(root), cwd=tmp_path) for i in (1, 2, 3)]
        procs.append(radar(*common, "--db", str(single), cwd=tmp_path))
        outputs = [p.communicate(timeout=1500) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err[-3000:] for _, err in outputs]

    polled = [db.query(tmp_path / f"worker{i}.duckdb", "select feed_url from raw.feeds")["feed_url"].to_list()
              for i in (1, 2, 3)]
    assert all(polled) and sum(len(p) for p in polled) == 3 * N_SITES == len(set().union(*polled))  # a partition
    markers = landing.committed_batches(str(root))
    assert markers["run_id"].n_unique() == 3 and markers.height >= 6  # each worker: its feed poll and its pages

    merged = subprocess.run([str(RADAR), "merge", "--landing", str(root), "--db", str(main)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=900)
    assert merged.returncode == 0, merged.stderr[-3000:]
    assert f"Merged {markers.height} landed batches" in merged.stdout
    got, want = keyed_content(main), keyed_content(single)
    for name, (key, _) in KEYS.items():
        assert want[name].height > 0, name
        assert got[name][key].n_unique() == got[name].height, f"{name}: duplicate {key}"
        assert got[name].equals(want[name]), f"{name}: {got[name].height} rows, want {want[name].height}"
    assert got["entries"]["feed_url"].n_unique() == 3 * N_SITES

    again = subprocess.run([str(RADAR), "merge", "--landing", str(root), "--db", str(main)], cwd=tmp_path,
                           capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "Merged 0 landed batches" in again.stdout
    assert all(keyed_content(main)[name].equals(got[name]) for name in KEYS)
    print({name: frame.height for name, frame in got.items()}, "batches:", markers.height)


FETCH_LOG = "select kind, url, status, error_kind, count(*) as n from raw.fetches group by all order by all"


@pytest.mark.skipif(not RADAR.exists(), reason="needs the project's virtualenv (make install)")
def test_a_shard_worker_killed_after_landing_a_batch_and_run_again_changes_nothing(tmp_path):
    """`radar run --shard 1/1 --landing` killed (SIGKILL, with its extraction workers) between landing a batch of
    pages and loading it into its own file, then run again, then merged: the same entries, articles, mentions,
    events and fetch log (each page fetched once) as two uninterrupted `radar run`s."""
    with serve_directory(DEMO) as base:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text("".join(f'[[feeds]]\nurl = "{base}/feeds/{f.name}"\n'
                                 for f in sorted((DEMO / "feeds").glob("*.xml"))), encoding="utf-8")
        config = tmp_path / "radar.toml"
        config.write_text('allow_hosts = ["127.0.0.1"]\nobey_robots = false\nmin_host_interval_s = 0\n'
                          "article_batch_size = 4\nextract_workers = 1\n", encoding="utf-8")
        root, worker, single, main = (str(tmp_path / "landing"), tmp_path / "worker.duckdb",
                                      tmp_path / "single.duckdb", tmp_path / "main.duckdb")
        common = ("run", "--feeds", str(feeds), "--config", str(config))
        as_worker = (*common, "--db", str(worker), "--shard", "1/1", "--landing", root)
        killed = subprocess.Popen([sys.executable, "-m", "tests.landing_batches", "run", "pages-2", *as_worker],
                                  cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  start_new_session=True)  # its own process group, which it kills
        reference = radar(*common, "--db", str(single), cwd=tmp_path)
        outputs = [p.communicate(timeout=900) for p in (killed, reference)]
        assert killed.returncode == -9 and "dying before pages-2" in outputs[0][0], outputs[0][1][-3000:]
        assert reference.returncode == 0, outputs[1][1][-3000:]
        landed = landing.committed_batches(root)
        assert "pages-2" in landed["batch_id"].to_list()
        assert "pages-2" not in db.query(worker, "select batch_id from ops.landing_batches")["batch_id"].to_list()

        # The reference polls again too: feeds that declare no pace are due at every run (a 304 each time).
        reruns = [radar(*as_worker, cwd=tmp_path), radar(*common, "--db", str(single), cwd=tmp_path)]
        outputs = [p.communicate(timeout=900) for p in reruns]
        assert [p.returncode for p in reruns] == [0, 0], [err[-3000:] for _, err in outputs]
    merged = subprocess.run([str(RADAR), "merge", "--landing", root, "--db", str(main)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=900)
    assert merged.returncode == 0, merged.stderr[-3000:]
    got, want = keyed_content(main), keyed_content(single)
    for name in KEYS:
        assert want[name].height > 0, name
        assert got[name].equals(want[name]), f"{name}: {got[name].height} rows, want {want[name].height}"
    fetches, want_fetches = db.query(main, FETCH_LOG), db.query(single, FETCH_LOG)
    assert fetches["n"].max() == 1, fetches.filter(pl.col("n") > 1)  # no page fetched again by the rerun
    assert fetches.equals(want_fetches)


def test_the_merger_validates_runs_together_only_where_no_key_is_in_two_runs(batches):
    """One GX call takes several runs only when that changes no verdict: a mention landed by two runs is valid in
    each (uniqueness is a run's), and a rejected row is quarantined under its own run."""
    from flows.merge import validate_landed

    made, _ = batches
    _, kwargs = next((b, k) for b, k in made if "mentions" in k and k["mentions"].height > 1)
    mentions = kwargs["mentions"]
    twice = {"mentions": pl.concat([stages.batch_frames(run, mentions=mentions)["mentions"] for run in ("a", "b")])}
    assert validate_landed(twice)["mentions"].height == 2 * mentions.height

    bad_id = mentions["mention_id"][0]
    run_b = mentions.with_columns(mention_id=pl.col("mention_id") + "-b",
                                  confidence=pl.when(pl.col("mention_id") == bad_id).then(2.0)
                                  .otherwise(pl.col("confidence")))
    apart = {"mentions": pl.concat([stages.batch_frames("a", mentions=mentions)["mentions"],
                                    stages.batch_frames("b", mentions=run_b)["mentions"]])}
    checked = validate_landed(apart)
    assert checked["mentions"].height == 2 * mentions.height - 1
    assert checked["quarantine"].select("row_key", "run_id").rows() == [(bad_id + "-b", "b")]

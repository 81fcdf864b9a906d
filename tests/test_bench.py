"""The benchmark still runs end to end (so it never rots). It measures; nothing here checks a speed."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys

from tests.conftest import REPO

BENCH = REPO / "bench"
SECTIONS = ["meta", "corpus", "ceiling", "pipeline_cold", "incremental", "flow_startup", "stages", "scaling",
            "duckdb_load", "gx", "ratios", "radar_run", "merger", "distributed"]
STAGES = ["fetch feeds", "parse feeds", "fetch pages", "extract text", "extract events", "validate", "load",
          "warehouse bookkeeping", "flow glue", "gx setup (import + context)", "prefect + unattributed"]


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


def _make_corpus():
    sys.path.insert(0, str(BENCH))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(BENCH))
    return make_corpus


def test_corpus_is_deterministic_and_complete(tmp_path):
    make_corpus = _make_corpus()
    a = make_corpus.generate(60, tmp_path / "a", seed=3)
    b = make_corpus.generate(60, tmp_path / "b", seed=3, workers=2)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file() and p.name != "manifest.json")
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file() and p.name != "manifest.json")
    assert files_a == files_b
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)
    manifest = make_corpus.load_manifest(a)
    assert manifest["n_items"] == 60 and manifest["n_feeds"] == 100
    assert len(manifest["pages"]) == manifest["n_pages"]
    page = (a / "site" / manifest["pages"][0].lstrip("/")).read_text(encoding="utf-8")
    assert 'property="article:published_time"' in page and "cookie" in page
    feed = (a / "site" / manifest["feeds"][0]["path"].lstrip("/")).read_text(encoding="utf-8")
    assert 'href="/articles/' in feed or "<link>/articles/" in feed  # root-relative: any port works


def test_bench_runs_and_reports_every_section(tmp_path):
    out = tmp_path / "results.json"
    proc = subprocess.run(
        # Small on purpose (it checks that every section still runs, not speed): 100 articles, 2,000 synthetic
        # mentions for the DuckDB load, the run's rows copied once for the merger, and the distributed mode with 1
        # worker only; the radar processes talk to the test session's Prefect server if there is one (a temporary
        # API's start-up costs ~12 s of CPU; tests/test_landing.py checks 3 shard workers against one run).
        [sys.executable, str(BENCH / "run.py"), "--size", "100", "--out", str(out),
         "--corpus-root", str(tmp_path / "corpus"), "--upsert-rows", "2000", "--merger-mentions", "300",
         "--distributed-workers", "1", "--distributed-prefect", "server",
         *(["--prefect-server", os.environ["PREFECT_API_URL"], "--radar-run-on-server"]
           if os.environ.get("PREFECT_API_URL") else [])],
        cwd=REPO, capture_output=True, text=True, timeout=900, env={**os.environ, "COLUMNS": "160"},
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
    results = json.loads(out.read_text())
    for section in SECTIONS:
        assert results.get(section), f"missing section {section}"

    assert _number(results["ceiling"]["articles_per_s"]) and results["ceiling"]["pages"] > 0
    assert results["ceiling"]["processes"] == os.cpu_count()
    assert _number(results["ceiling"]["one_process"]["articles_per_s"])
    run = results["radar_run"]
    assert _number(run["process_s"])
    assert all(_number(v) for k, v in run["phases_s"].items() if not k.startswith("other"))
    assert {"prefect api start-up", "ingest flow", "alerts", "read snapshot"} <= set(run["phases_s"])
    merger = results["merger"]
    assert merger["mentions"] > 0 and merger["merged"]["n_mentions_new"] == merger["mentions"]  # every row merged once
    assert merger["merged"]["n_articles_new"] == merger["articles"] and _number(merger["merge_mentions_per_s"])
    distributed = results["distributed"]
    assert [(row["workers"], row["prefect"]) for row in distributed["runs"]] == [(1, "server")]
    for row in distributed["runs"]:
        assert row["same_as_radar_run"], row  # the workers and the merger stored what radar run stored
        assert all(_number(row[k]) for k in ("total_s", "ratio_to_radar_run", "merge_mentions_per_s"))
        assert len(row["worker_process_s"]) == row["workers"] and all(map(_number, row["worker_process_s"]))
        assert _number(results["ratios"][f"distributed_{row['workers']}_workers_server_api_over_radar_run"])
    cold = results["pipeline_cold"]
    assert all(_number(cold[k]) for k in ("wall_s", "articles_per_s", "ratio_to_ceiling"))
    assert cold["warehouse"]["articles"] > 0 and cold["warehouse"]["mentions"] > 0
    inc = results["incremental"]
    assert all(_number(inc[k]) for k in ("wall_s", "flow_startup_s", "ratio_to_cold"))
    assert isinstance(inc["minus_flow_startup_s"], (int, float))
    assert inc["new_rows"] == {"entries": 0, "articles": 0, "mentions": 0, "events": 0}  # "nothing new" really was
    for run in ("cold", "incremental"):
        stages = results["stages"][run]["stages"]
        for name in STAGES:
            assert _number(stages[name]["wall_s"]) and _number(stages[name]["sum_s"]), (run, name)
    assert [row["size"] for row in results["scaling"]] == [100]
    row = results["scaling"][0]
    assert all(_number(row[k]) for k in ("cold_wall_s", "articles_per_s", "peak_rss_tree_mb", "peak_rss_worker_mb"))
    load = results["duckdb_load"]
    assert load["rows_inserted"] == load["rows"] == load["bare_rows"] == 2_000 and load["rows_reinserted"] == 0
    assert all(_number(load[k]) for k in ("upsert_s", "bare_insert_s", "ratio_upsert_over_bare"))
    assert _number(results["gx"]["share_of_cold"])
    for key in ("pipeline_over_ceiling", "incremental_over_cold", "upsert_over_bare", "gx_share_of_cold"):
        assert _number(results["ratios"][key]), key
    assert "extract events" in proc.stdout and "Scaling" in proc.stdout

"""`radar demo` as a user runs it: a real process, a real HTTP server on loopback, a real DuckDB file."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import DEMO, REPO
from warehouse import db

TABLES = ["raw.feeds", "raw.entries", "raw.articles", "core.mentions", "core.events", "ops.quarantine"]


def _radar(*args: str, timeout: int = 300, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "160", **env})


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "radar.duckdb"
    first = _radar("demo", "--db", str(path))
    assert first.returncode == 0, first.stdout + first.stderr
    counts = {t: db.query(path, f"select count(*) as n from {t}")["n"][0] for t in TABLES}
    return path, first, counts


def test_demo_output_is_clean_and_complete(demo_db):
    _, first, _ = demo_db
    output = first.stdout + first.stderr
    assert "Traceback" not in output and "ERROR" not in output
    for heading in ["Model releases", "Events per type", "Quarantined rows", "Warehouse:"]:
        assert heading in first.stdout


def test_demo_finds_every_labelled_model_release(demo_db):
    path, _, _ = demo_db
    expected = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
    wanted = {(e["org"], e["model"]) for a in expected["articles"] for e in a["events"] if e["type"] == "model_release"}
    found = {(r["org"], r["model"]) for r in db.query(path, "select org, model from marts.model_releases").to_dicts()}
    assert wanted <= found, f"missing releases: {sorted(wanted - found)}"
    assert found <= wanted, f"releases the demo does not state: {sorted(found - wanted)}"


def test_demo_records_the_missing_page_and_the_non_article(demo_db):
    path, _, _ = demo_db
    missing = db.query(path, "select distinct status from raw.fetches where url like '%/articles/missing-story.html'")
    assert missing["status"].to_list() == [404]
    quarantined = db.query(path,
                           "select row_key from ops.quarantine where table_name = 'articles'")["row_key"].to_list()
    assert any(k.endswith("/articles/about.html") for k in quarantined)


def test_second_demo_run_changes_no_row_counts_and_does_not_import_gx(demo_db):
    path, _, counts = demo_db
    # Python lists every module the process imports on stderr: a poll that finds every feed unchanged (304) and no
    # page pending has nothing to validate, and must not pay great_expectations' import (seconds of CPU per poll).
    second = _radar("demo", "--db", str(path), PYTHONPROFILEIMPORTTIME="1")
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert {t: db.query(path, f"select count(*) as n from {t}")["n"][0] for t in TABLES} == counts
    imported = {line.rsplit("|", 1)[-1].strip()
                for line in second.stderr.splitlines() if line.startswith("import time:")}
    assert "polars" in imported  # the import list is really there
    assert "great_expectations" not in imported


def test_sql_command_reads_the_warehouse(demo_db):
    path, _, _ = demo_db
    result = _radar("sql", "--db", str(path), "--format", "json", "select count(*) as n from marts.model_releases")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["n"] > 0
    bad = _radar("sql", "--db", str(path), "select * from no_such_table")
    assert bad.returncode == 1 and "query failed" in bad.stderr

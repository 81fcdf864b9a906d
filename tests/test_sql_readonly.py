"""`radar sql` only reads the warehouse: no statement writes a file or changes a setting, local files are read
only with --allow-files, an empty query is a usage error, nested values are JSON in CSV, and the table shows
the data as written (no Rich markup, no :emoji: codes).

A real DuckDB file and the real CLI (typer's CliRunner, in process).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "radar.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("""create table marts.notes as select * from (values
        (1, 'root:x:0', '[bold red]alarm[/]', [1, 2], {'org': 'DeepSeek', 'day': date '2025-01-20'}, map {'k': 7}),
        (2, 'plain', null, null, null, null)) t(id, login, remark, numbers, detail, extra)""")
    con.close()
    return path


def sql(warehouse: Path, query: str, *options: str):
    return runner.invoke(app, ["sql", "--db", str(warehouse), *options, "--", query])


def one_line_error(result) -> str:
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("template, creates", [
    ("copy marts.notes to '{out}/copy.csv'", "copy.csv"),
    ("copy (select * from marts.notes) to '{out}/copy.parquet' (format parquet)", "copy.parquet"),
    ("select 1; copy marts.notes to '{out}/second.csv'", "second.csv"),
    ("export database '{out}/export'", "export"),
    ("attach '{out}/other.duckdb' as other", "other.duckdb"),
    ("install fts", None),
    ("load json", None),
    ("set enable_external_access = true", None),
    ("create table marts.mine as select 1", None),
])
@pytest.mark.parametrize("allow_files", [False, True])
def test_statements_that_write_or_reconfigure_are_refused(template, creates, allow_files, warehouse, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = sql(warehouse, template.format(out=out), *(["--allow-files"] if allow_files else []))
    assert "refused" in one_line_error(result)
    assert list(out.iterdir()) == []


def test_duckdb_itself_refuses_file_access_and_settings(warehouse, tmp_path):
    """The connection is locked down too, not only the statement check: a read_csv inside a SELECT is refused, and
    settings cannot be changed through a PRAGMA or a CALL (profiling and logging would write files)."""
    data = tmp_path / "local.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    assert "--allow-files" in one_line_error(sql(warehouse, f"select * from read_csv('{data}')"))
    for query in ("pragma enable_profiling",
                  f"call enable_logging(storage = 'file', storage_path = '{tmp_path}/logs')"):
        result = sql(warehouse, query, "--allow-files")
        assert result.exit_code == 1 and "locked" in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["local.csv", "radar.duckdb"]


def test_allow_files_reads_local_files(warehouse, tmp_path):
    data = tmp_path / "local.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    result = sql(warehouse, f"select a + b as total from read_csv('{data}')", "--allow-files", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.output.splitlines()] == [{"total": 3}]


@pytest.mark.parametrize("query", [
    "select count(*) as n from marts.notes",
    "with t as (select * from marts.notes) select count(*) as n from t",
    "from marts.notes select count(*) as n",
])
def test_the_warehouse_is_still_queryable(query, warehouse):
    result = sql(warehouse, query, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"n": 2}
    for reading in ("pragma show_tables", "describe marts.notes", "summarize marts.notes", "explain select 1",
                    "call pragma_version()"):
        assert sql(warehouse, reading).exit_code == 0, reading


@pytest.mark.parametrize("query", ["", "   \n ", ";", "-- only a comment"])
def test_an_empty_query_is_a_usage_error(query, warehouse):
    assert "empty" in one_line_error(sql(warehouse, query))


def test_nested_columns_are_json_in_csv(warehouse):
    result = sql(warehouse, "select id, numbers, detail, extra from marts.notes order by id", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert json.loads(rows[0]["numbers"]) == [1, 2]
    assert json.loads(rows[0]["detail"]) == {"org": "DeepSeek", "day": "2025-01-20"}
    assert json.loads(rows[0]["extra"]) == {"k": 7}
    assert rows[1] == {"id": "2", "numbers": "", "detail": "", "extra": ""}


def test_the_table_shows_data_as_written(warehouse):
    result = sql(warehouse, 'select login, remark as "[blink]:x:" from marts.notes where id = 1')
    assert result.exit_code == 0, result.output
    assert "root:x:0" in result.output and "\u274c" not in result.output
    assert "[bold red]alarm[/]" in result.output
    assert "[blink]:x:" in result.output

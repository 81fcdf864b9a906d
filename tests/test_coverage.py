"""radar coverage: the radar's releases against a reference list (Epoch AI's notable models in ../shared)."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

import polars as pl
import pytest
from typer.testing import CliRunner

from tests.conftest import SHARED, needs_shared
from transforms import coverage as cov

EPOCH = SHARED / "reference" / "epoch_notable_ai_models.csv"


def _releases(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"org": o, "model": m, "release_date": d, "first_article_at": a} for o, m, d, a in rows],
        schema=cov.RELEASE_SCHEMA)


def _reference(rows: list[tuple]) -> pl.DataFrame:
    raw = pl.DataFrame([{"Model": m, "Organization": o, "Publication date": d, "Model accessibility": a}
                        for m, o, d, a in rows])
    return cov.reference_frame(raw)


def test_names_match_through_aliases_never_by_substring():
    assert cov.model_key("GPT 4o") == cov.model_key("gpt-4o") == cov.model_key("GPT-4o")
    assert cov.model_key("GPT-4") != cov.model_key("GPT-4o")
    assert cov.model_key("Meta Llama 3.1 405B", "Meta AI") == cov.model_key("Llama 3.1 405B")
    assert cov.org_name("Meta AI") == "Meta" and cov.org_name("Google DeepMind,Google") == "Google"


def test_found_missed_radar_only_after_reference_and_lag():
    at = lambda d: datetime.fromisoformat(d).replace(tzinfo=timezone.utc)  # noqa: E731
    reference = _reference([
        ("GPT-4o", "OpenAI", "2024-05-13", "API access"),
        ("GPT-4", "OpenAI", "2023-03-15", "API access"),
        ("Secret Model", "OpenAI", "2024-06-01", "Unreleased"),       # never released: not counted
        ("Claude 3 Opus", "Anthropic", "2024-03-04", "API access"),
    ])
    releases = _releases([
        ("OpenAI", "GPT-4o", "2024-05-13", at("2024-05-15T00:00:00")),
        ("Anthropic", "Claude 3.5 Haiku", "2024-10-22", at("2024-10-22T00:00:00")),
        ("OpenAI", "GPT-5", "2025-08-07", at("2025-08-07T00:00:00")),
    ])
    rows = cov.compare(releases, reference)
    status = {r["model"]: r["status"] for r in rows.to_dicts()}
    assert status == {"GPT-4o": "found", "GPT-4": "missed", "Claude 3 Opus": "missed",
                      "Claude 3.5 Haiku": "after_reference", "GPT-5": "after_reference"}
    assert rows.filter(pl.col("model") == "GPT-4o")["lag_days"].item() == 2

    by_org = {r["org"]: r for r in cov.summary(rows, "org").to_dicts()}
    assert by_org["OpenAI"]["reference"] == 2 and by_org["OpenAI"]["found"] == 1
    assert by_org["OpenAI"]["recall"] == 0.5 and by_org["Anthropic"]["recall"] == 0.0
    quarters = cov.summary(rows, "quarter")["quarter"].to_list()
    assert quarters == sorted(quarters)

    only_2024 = cov.within(rows, since=date(2024, 1, 1), until=date(2024, 12, 31), orgs=["openai"])
    assert only_2024["model"].to_list() == ["GPT-4o"]


@needs_shared
def test_epoch_list_reads_with_its_own_columns_and_mapping_errors_are_clear():
    raw = pl.read_csv(EPOCH, infer_schema_length=0)
    reference = cov.reference_frame(raw)
    assert reference.height > 300 and reference["ref_date"].max() >= date(2025, 1, 1)
    assert not reference["access"].is_in(cov.UNRELEASED).any()
    assert cov.reference_frame(raw, include_unreleased=True).height > reference.height
    with pytest.raises(ValueError, match="no column"):
        cov.reference_frame(raw, {"model": "Name"})


@needs_shared
def test_cli_coverage_on_a_backfilled_warehouse(tmp_path):
    """Lab announcements backfilled for real, then compared with Epoch's list through the CLI."""
    from cli.main import app
    from config.settings import Settings
    from flows.backfill import backfill

    lines = [line for line in (SHARED / "archive" / "lab-announcements.jsonl").read_text(encoding="utf-8").splitlines()
             if '"Hello GPT-4o"' in line or "Introducing GPT-4.5" in line or "Claude 3.5 Sonnet" in line]
    archive = tmp_path / "a.jsonl"
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db_path = tmp_path / "w.duckdb"
    backfill.fn([str(archive)], str(db_path), settings=Settings())

    result = CliRunner().invoke(app, ["coverage", "--reference", str(EPOCH), "--db", str(db_path),
                                      "--since", "2024-01-01", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    found = {r["model"] for r in rows if r["status"] == "found"}
    assert "GPT-4o" in found
    assert any(r["status"] == "missed" for r in rows)

    table = CliRunner().invoke(app, ["coverage", "--reference", str(EPOCH), "--db", str(db_path),
                                     "--orgs", "OpenAI"])
    assert table.exit_code == 0 and "reference releases found" in table.stdout
    bad = CliRunner().invoke(app, ["coverage", "--reference", str(EPOCH), "--db", str(db_path),
                                   "--columns", "name=Model"])
    assert bad.exit_code == 2

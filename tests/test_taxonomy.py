"""One declaration of the taxonomy (transforms/taxonomy.toml): a type added there with its rule module is extracted,
validated, stored and reported with no other change."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transforms import taxonomy

ROOT = Path(__file__).resolve().parent.parent

# A toy type: a company cutting jobs. Two new typed fields, one with allowed values.
TOY_DECLARATION = """
[fields.jobs_cut]
dtype = "Int64"

[fields.layoff_scope]
dtype = "String"
values = ["company", "division"]

[types.layoff]
fields = ["jobs_cut", "layoff_scope"]
rules = "toy_layoff_rules"
merge_key = ["org", "jobs_cut"]
eval_key = ["jobs_cut"]
colour = "#123456"
alerts = true
"""
TOY_RULES = '''
import polars as pl

from transforms.extract.rules import Found, _frame


def mentions(found: Found) -> pl.DataFrame:
    rows = found.sents.with_columns(
        jobs=pl.col("sentence").str.extract(r"\\bcuts? ([\\d,]+) jobs", 1).str.replace_all(",", "").cast(pl.Int64),
        scope=pl.when(pl.col("low").str.contains("division")).then(pl.lit("division")).otherwise(pl.lit("company")),
    ).filter(pl.col("jobs").is_not_null() & (pl.col("orgs").list.len() > 0))
    return _frame(rows, "layoff", org=pl.col("orgs").list.first(), jobs_cut=pl.col("jobs"),
                  layoff_scope=pl.col("scope"), confidence=pl.lit(0.9))
'''
# Run in a child process: the taxonomy is read once, at import, by every module that derives from it.
CHILD = '''
import json, sys
from datetime import datetime, timezone

import polars as pl

from alerts.outbox import AlertRules, render
from expectations import validate
from report.page import build_report
from transforms.extract import MENTION_SCHEMA, extract_mentions
from warehouse import db, stages

db_path, report_path = sys.argv[1], sys.argv[2]
T0 = datetime(2025, 3, 4, tzinfo=timezone.utc)
texts = {"a1": ("Microsoft cuts 6,000 jobs", "Microsoft cuts 6,000 jobs in its biggest layoff since 2023. "
                "OpenAI released GPT-4.5 on Thursday."),
         "a2": ("Layoffs at Microsoft", "Microsoft cuts 6,000 jobs, the company said on Tuesday.")}
articles = pl.DataFrame([{"article_id": k, "title": t, "text": x, "published_at": T0} for k, (t, x) in texts.items()])
mentions = extract_mentions(articles)
out = {"schema": list(mentions.columns),
       "layoffs": mentions.filter(pl.col("type") == "layoff").sort("article_id")
       .select("article_id", "org", "jobs_cut", "layoff_scope").to_dicts(),
       "types": sorted(set(mentions["type"]))}

valid, quarantined = validate("mentions", mentions, key="mention_id")
bad = mentions.filter(pl.col("type") == "layoff").head(1).with_columns(layoff_scope=pl.lit("everywhere"),
                                                                        mention_id=pl.lit("bad"))
_, bad_quarantined = validate("mentions", bad, key="mention_id")
out["valid"] = valid.height == mentions.height and quarantined.is_empty()
out["bad_value_quarantined"] = bad_quarantined["expectations"].to_list()

out["migrated"] = db.migrate(db_path)
stored = articles.select(
    "article_id", "title", "text", "published_at", url=pl.lit("https://news.example/") + pl.col("article_id"),
    feed_url=pl.lit("https://news.example/feed"), text_sha=pl.lit("0" * 64), lang=pl.lit("en"),
    site_name=pl.col("article_id"), fetched_at=pl.lit(T0))
stages.load_article_batch(db_path, "run1", pl.DataFrame(schema={"fetch_id": pl.String}), stored,
                          valid.select(list(MENTION_SCHEMA)), pl.DataFrame(schema=stages.QUARANTINE_SCHEMA))
out["events"] = db.query(db_path, "select org, jobs_cut, layoff_scope, n_articles from marts.events "
                                  "where type = 'layoff'").to_dicts()
out["migrated_again"] = db.migrate(db_path)
event = db.query(db_path, "select * from marts.events where type = 'layoff'").to_dicts()[0]
out["alert"] = {"default_types": list(AlertRules().types), "text": render(event)}
html = build_report(db_path, report_path)
out["report"] = {"type": ">layoff<" in html or "layoff</" in html, "colour": "#123456" in html,
                 "evidence": "Microsoft cuts 6,000 jobs" in html,
                 "fields": "jobs_cut: 6000; layoff_scope: company" in html}
print(json.dumps(out, default=str))
'''


def test_the_declared_taxonomy_is_the_extractors_schema():
    from transforms.extract import MENTION_SCHEMA, TYPED_FIELDS

    assert list(taxonomy.TAXONOMY.fields) == TYPED_FIELDS
    assert list(MENTION_SCHEMA)[-len(TYPED_FIELDS):] == TYPED_FIELDS
    assert {t.rules for t in taxonomy.TAXONOMY.types.values()} == {
        f"transforms.extract.{name}" for name in taxonomy.TAXONOMY.names}


def test_a_type_naming_an_undeclared_field_is_refused(tmp_path):
    bad = tmp_path / "taxonomy.toml"
    bad.write_text(taxonomy.DEFAULT_FILE.read_text(encoding="utf-8") + TOY_DECLARATION.replace(
        'fields = ["jobs_cut", "layoff_scope"]', 'fields = ["jobs_cut", "headcount"]'), encoding="utf-8")
    with pytest.raises(ValueError, match="undeclared fields.*headcount"):
        taxonomy.load(bad)


def test_a_toy_type_in_one_declaration_and_one_rule_module_is_extracted_validated_stored_and_reported(tmp_path):
    declaration = tmp_path / "taxonomy.toml"
    declaration.write_text(taxonomy.DEFAULT_FILE.read_text(encoding="utf-8") + TOY_DECLARATION, encoding="utf-8")
    (tmp_path / "toy_layoff_rules.py").write_text(TOY_RULES, encoding="utf-8")
    (tmp_path / "child.py").write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "RADAR_TAXONOMY": str(declaration),
           "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    run = subprocess.run([sys.executable, str(tmp_path / "child.py"), str(tmp_path / "radar.duckdb"),
                          str(tmp_path / "report.html")], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])

    # extracted: the new fields are columns of every mention, the toy type beside the declared ones
    assert out["schema"][-2:] == ["jobs_cut", "layoff_scope"]
    toy = {"org": "Microsoft", "jobs_cut": 6000, "layoff_scope": "company"}
    assert out["layoffs"] == [{"article_id": a, **toy} for a in ("a1", "a1", "a2")]  # a1: headline and text
    assert {"layoff", "model_release"} <= set(out["types"])
    # validated: the mentions suite accepts the type and refuses a value its field does not allow
    assert out["valid"]
    assert out["bad_value_quarantined"] == ["expect_column_values_to_be_in_set(layoff_scope)"]
    # stored: migrate added the columns (once), and the two articles' mentions merged into one event
    assert sorted(out["migrated"])[-4:] == sorted(f"core.{t}.{f} (taxonomy.toml)" for t in ("mentions", "events")
                                                  for f in ("jobs_cut", "layoff_scope"))
    assert out["migrated_again"] == []
    assert out["events"] == [{"org": "Microsoft", "jobs_cut": 6000, "layoff_scope": "company", "n_articles": 2}]
    # alerted by default as declared, with its fields in the message
    assert out["alert"]["default_types"] == ["model_release", "layoff"]
    title, body = out["alert"]["text"]
    assert title == "Layoff: Microsoft" and "Jobs cut: 6000" in body and "Layoff scope: company" in body
    # reported: the type with its declared colour and its evidence
    assert out["report"] == {"type": True, "colour": True, "evidence": True, "fields": True}

"""`radar reprocess` on a warehouse built by a real ingest of a loopback site, alerts to a real webhook sink.

An older extractor is simulated in the stored rows: it missed one event, found one that is not there, and wrote
its mentions under another version. Reprocessing restores exactly what the current extractor finds, a second
reprocess changes nothing, and no event already alerted is alerted again while the newly found one is.
"""
from __future__ import annotations

from dataclasses import replace

import polars as pl
import pytest
from typer.testing import CliRunner

from alerts import outbox as alerts
from cli.demo_server import serve_directory
from cli.main import app
from cli.reprocess import run_reprocess
from config.settings import Settings
from sources.feeds import Feed
from tests.sinks import WebhookSink
from tests.test_alerts import Site, _models_in
from transforms.extract import EXTRACTOR_VERSION
from warehouse import db

TABLES = {"core.mentions": "mention_id", "core.events": "event_key", "ops.alerts": "event_key, channel",
          "ops.quarantine": "table_name, row_key"}


def _snapshot(db_path) -> dict:
    return {t: db.query(db_path, f"select * from {t} order by {key}").to_dicts() for t, key in TABLES.items()}


def _events(db_path) -> dict[str, dict]:
    rows = db.query(db_path, "select * exclude (updated_at) from core.events").to_dicts()
    return {r["event_key"]: r for r in rows}


def _key_of(db_path, model: str) -> str:
    return db.query(db_path, "select event_key from core.events where model = ?", [model])["event_key"][0]


def _pretend_an_older_extractor_ran(db_path) -> str:
    """Qwen3 was missed, a 'Llama 9' release was invented, Mistral's mentions carry an older version and ids."""
    qwen = _key_of(db_path, "Qwen3")
    with db.writing(db_path) as con:
        con.execute("delete from core.mentions where event_key = ?", [qwen])
        con.execute("delete from core.events where event_key = ?", [qwen])
        con.execute("update core.mentions set extractor_version = 'rules-0.1', mention_id = 'old-' || mention_id "
                    "where model = 'Mistral Large 2'")
        invented = db.frame(con, "select * from core.mentions where model = 'Llama 3.1 405B' limit 1").with_columns(
            mention_id=pl.lit("old-invented"), model=pl.lit("Llama 9"), event_key=pl.lit("model_release|meta|llama 9"),
            extractor_version=pl.lit("rules-0.1"))
        con.register("invented", invented)
        con.execute("insert into core.mentions select * from invented")
        db.load(con, "merge_events", invented.select("event_key"))
    return qwen


@pytest.fixture
def site_and_hook(tmp_path):
    site = Site(tmp_path / "site")
    for slug in ("llama", "mistral", "qwen"):
        site.add(slug)
    with serve_directory(site.root) as base, WebhookSink() as hook:
        yield base, hook


def test_reprocess_restores_what_the_extractor_finds_once_and_alerts_only_the_new_event(tmp_path, site_and_hook):
    from flows.ingest import ingest

    base, hook = site_and_hook
    db_path = tmp_path / "radar.duckdb"
    settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",), min_host_interval_s=0,
                        obey_robots=False, extra={"alert_retry_base_seconds": 0})
    db.migrate(db_path)
    alerts.deliver(db_path, settings)  # the channel subscribes before anything is stored: every find is news
    ingest(feeds=[Feed(url=f"{base}/feeds/ai.xml", name="AI site")], db_path=str(db_path),
           settings=replace(settings, alert_urls=()))
    clean_events = _events(db_path)
    clean_mentions = set(db.query(db_path, "select mention_id from core.mentions")["mention_id"])
    assert {"Llama 3.1 405B", "Mistral Large 2", "Qwen3"} <= {e["model"] for e in clean_events.values()}

    qwen = _pretend_an_older_extractor_ran(db_path)
    first = alerts.deliver(db_path, settings)
    assert _models_in([m["title"] for m in hook.messages]) == ["Llama 3.1 405B", "Mistral Large 2"]
    assert any("Llama 9" in m["title"] for m in hook.messages) and first["n_sent"] == 3

    totals = run_reprocess(db_path, since=None, types=[])
    assert set(db.query(db_path, "select mention_id from core.mentions")["mention_id"]) == clean_mentions
    assert db.query(db_path, "select distinct extractor_version from core.mentions")["extractor_version"].to_list() \
        == [EXTRACTOR_VERSION]
    assert _events(db_path).keys() == clean_events.keys()
    restored = _events(db_path)
    for key in (qwen, _key_of(db_path, "Mistral Large 2")):
        assert restored[key] == clean_events[key]
    assert totals["n_events_added"] == 1 and totals["n_events_removed"] == 1
    assert totals["n_mentions_after"] == len(clean_mentions) and totals["n_articles"] == 3
    # The invented event is gone from the events and marts; what was sent about it stays in the outbox.
    assert db.query(db_path, "select count(*) as n from marts.events where model = 'Llama 9'")["n"][0] == 0
    assert db.query(db_path, "select status from ops.alerts where event_key = 'model_release|meta|llama 9'"
                    )["status"].to_list() == ["sent"]

    # Next alert pass: only the newly found event goes out.
    second = alerts.deliver(db_path, settings)
    assert second["n_sent"] == 1 and "Qwen3" in hook.messages[-1]["title"]

    # Reprocessing again with the same extractor changes nothing at all, and nothing is alerted.
    before = _snapshot(db_path)
    again = run_reprocess(db_path, since=None, types=[])
    assert _snapshot(db_path) == before
    changes = ("n_mentions_added", "n_mentions_removed", "n_events_added", "n_events_removed", "n_events_updated")
    assert {k: again[k] for k in changes} == dict.fromkeys(changes, 0)
    assert alerts.deliver(db_path, settings)["n_due"] == 0 and len(hook.messages) == 4


def test_reprocess_command_limits_by_type_and_date_and_refuses_bad_options(tmp_path, site_and_hook):
    from flows.ingest import ingest

    base, _ = site_and_hook
    db_path = tmp_path / "radar.duckdb"
    ingest(feeds=[Feed(url=f"{base}/feeds/ai.xml", name="AI site")], db_path=str(db_path),
           settings=Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0, obey_robots=False))
    n_mentions = db.query(db_path, "select count(*) as n from core.mentions")["n"][0]
    with db.writing(db_path) as con:
        con.execute("delete from core.mentions")
        con.execute("delete from core.events")

    runner = CliRunner()
    # Only funding: the deleted release mentions stay deleted.
    result = runner.invoke(app, ["reprocess", "--db", str(db_path), "--type", "funding"])
    assert result.exit_code == 0, result.output
    assert db.query(db_path, "select count(*) as n from core.mentions where type = 'model_release'")["n"][0] == 0
    # Articles published in the future: none.
    result = runner.invoke(app, ["reprocess", "--db", str(db_path), "--since", "2999-01-01"])
    assert result.exit_code == 0 and "Reprocessed 0 articles" in result.output
    result = runner.invoke(app, ["reprocess", "--db", str(db_path), "--since", "2000-01-01", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "Reprocessed 3 articles" in result.output and "in 3 batches" in result.output
    assert db.query(db_path, "select count(*) as n from core.mentions")["n"][0] == n_mentions

    for bad in (["--since", "last week"], ["--type", "gossip"], ["--batch-size", "0"]):
        result = runner.invoke(app, ["reprocess", "--db", str(db_path), *bad])
        assert result.exit_code == 2 and "error:" in result.output
    result = runner.invoke(app, ["reprocess", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no warehouse" in result.output

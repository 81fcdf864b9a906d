"""Alerts end to end: real ingest runs against a loopback site, delivered to a real webhook, SMTP and UDP sink.

Each new model release reaches each channel exactly once; the backlog is never alerted; a channel that is down or
answers 500 gets the alert on a later run, once; hostile text arrives inert; private, link-local, loopback and
redirected targets are refused over TCP and UDP; a send killed midway is never repeated automatically.

Refused targets that are not loopback (10.x, 169.254.x) are never reached: radar's guard refuses before the
connect/sendto, and tests.sinks.nothing_leaves_the_machine stops (and lists) anything that gets past it.
"""
from __future__ import annotations

import email.utils
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from alerts import outbox as alerts
from cli.demo_server import serve_directory
from config.settings import Settings
from tests.conftest import article_html, rss
from tests.sinks import SmtpSink, UdpSink, WebhookSink, nothing_leaves_the_machine
from warehouse import alerts as outbox_table
from warehouse import db

FILLER = ("Analysts said the launch adds pressure on rivals, and several customers said they were already testing it "
          "in production settings this week, according to people familiar with the plans.")
RELEASES = {
    "llama": ("Meta releases Llama 3.1 405B as open weights",
              "Meta released Llama 3.1 405B on Tuesday, its largest open-weights model, under the Llama 3.1 "
              "Community License. Developers can download the weights from Meta's website starting today."),
    "mistral": ("Mistral launches Mistral Large 2",
                "Mistral AI released Mistral Large 2 on Wednesday, a 123-billion-parameter model available under "
                "the Mistral Research License. The Paris-based startup said the model supports dozens of languages."),
    "qwen": ("Alibaba releases Qwen3 with open weights",
             "Alibaba released Qwen3 on Tuesday, a family of open-weights models under the Apache 2.0 license. "
             "The Hangzhou company said the models can be downloaded from Hugging Face starting today."),
    "claude": ("Anthropic launches Claude 3.5 Sonnet",
               "Anthropic released Claude 3.5 Sonnet on Thursday, a model available through its API and chat app. "
               "The San Francisco startup said the model outperforms its previous flagship on coding tests."),
}


def rfc822(when: datetime) -> str:
    return email.utils.format_datetime(when.astimezone(timezone.utc), usegmt=True)


class Site:
    """A news site on 127.0.0.1 whose feed grows between runs."""

    def __init__(self, root: Path):
        self.root, self.items = root, []
        (root / "articles").mkdir(parents=True)
        (root / "feeds").mkdir()
        self.publish()

    def add(self, slug: str, published: datetime | None = None) -> None:
        title, body = RELEASES[slug]
        (self.root / "articles" / f"{slug}.html").write_text(article_html(title, f"{body}\n{FILLER}"), encoding="utf-8")
        self.items.append({"title": title, "link": f"/articles/{slug}.html",
                           "date": rfc822(published or datetime.now(timezone.utc))})
        self.publish()

    def publish(self) -> None:
        (self.root / "feeds" / "ai.xml").write_text(rss(self.items or [
            {"title": "Site opens", "link": "/articles/none.html", "date": rfc822(datetime.now(timezone.utc))}]),
            encoding="utf-8")


def _write_config(path: Path, alert_urls: list[str], **extra) -> Path:
    lines = ['allow_hosts = ["127.0.0.1"]', "min_host_interval_s = 0", "obey_robots = false",
             "alert_urls = [" + ", ".join(f'"{u}"' for u in alert_urls) + "]"]
    lines += [f"{k} = {v!r}".replace("'", '"') if not isinstance(v, bool) else f"{k} = {str(v).lower()}"
              for k, v in extra.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _outbox(db_path: Path) -> list[dict]:
    return db.query(db_path, "select a.*, e.model from ops.alerts a join core.events e using (event_key) "
                             "order by e.model, a.channel").to_dicts()


def _models_in(texts: list[str]) -> list[str]:
    names = ["Llama 3.1 405B", "Mistral Large 2", "Qwen3", "Claude 3.5 Sonnet", "Gemini"]
    return sorted(n for t in texts for n in names if n in t)


def test_each_new_release_is_alerted_once_per_channel_and_a_failed_channel_catches_up(tmp_path):
    from flows.schedule import scheduled_ingest

    site = Site(tmp_path / "site")
    db_path = tmp_path / "radar.duckdb"
    with serve_directory(site.root) as base, WebhookSink() as hook, SmtpSink() as mail:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nurl = "{base}/feeds/ai.xml"\nname = "AI site"\n', encoding="utf-8")
        config = _write_config(tmp_path / "radar.toml", [hook.apprise_url, mail.apprise_url],
                               alert_retry_base_seconds=0)

        def run() -> dict:
            return scheduled_ingest(feeds_file=str(feeds), db_path=str(db_path), config_file=str(config))

        # 1. Llama is in the feed before anyone subscribed: it is backlog, never alerted.
        site.add("llama")
        first = run()
        assert first["n_events_new"] >= 1 and first["alerts"]["n_channels"] == 2
        assert hook.attempts == [] and mail.messages == []
        assert db.query(db_path, "select count(*) as n from ops.alert_channels")["n"][0] == 2
        assert _outbox(db_path) == []

        # 2. Mistral is new: one message per channel. Claude arrives too, but dated last year (a feed's old news).
        site.add("mistral")
        site.add("claude", published=datetime.now(timezone.utc) - timedelta(days=400))
        second = run()
        assert second["alerts"]["n_sent"] == 2 and second["alerts"]["n_failed"] == 0
        assert _models_in([m["title"] + m["message"] for m in hook.messages]) == ["Mistral Large 2"]
        assert _models_in(mail.texts()) == ["Mistral Large 2"]
        message = hook.messages[0]["message"]
        for expected in ("Org: Mistral AI", "Open weights:", "License: Mistral Research License", "Date:",
                         "Evidence:", f"{base}/articles/mistral.html"):
            assert expected in message, f"{expected!r} missing from {message!r}"

        # 3. Nothing new: nothing sent.
        third = run()
        assert third["alerts"]["n_due"] == 0 and len(hook.messages) == 1 and len(mail.messages) == 1

        # 4. The webhook answers 500: e-mail gets Qwen3, the webhook row stays failed (attempts 1).
        hook.status = 500
        site.add("qwen")
        fourth = run()
        assert fourth["alerts"]["n_sent"] == 1 and fourth["alerts"]["n_failed"] == 1
        assert _models_in(mail.texts()) == ["Mistral Large 2", "Qwen3"]
        failed = [r for r in _outbox(db_path) if r["status"] == "failed"]
        assert [(r["model"], r["attempts"]) for r in failed] == [("Qwen3", 1)]
        assert "FAILURE" in failed[0]["last_error"]

        # 5. The webhook is back: it gets Qwen3 now, exactly once; e-mail gets nothing again.
        hook.status = 200
        fifth = run()
        assert fifth["alerts"]["n_sent"] == 1
        assert _models_in([m["title"] for m in hook.messages]) == ["Mistral Large 2", "Qwen3"]
        assert len(mail.messages) == 2
        run()
        assert len(hook.messages) == 2 and len(mail.messages) == 2
        rows = _outbox(db_path)
        assert {(r["model"], r["status"]) for r in rows} == {("Mistral Large 2", "sent"), ("Qwen3", "sent")}
        assert len(rows) == 4  # 2 events x 2 channels, never more


# --------------------------------------------------------------------------- warehouses built with SQL

def _add_event(db_path: Path, key: str, model: str, org: str = "Meta", confidence: float = 0.9,
               open_weights: bool | None = True, evidence: str = "Meta released a model on Tuesday.",
               type_: str = "model_release", status: str = "done", first_seen: datetime | None = None) -> None:
    with db.writing(db_path) as con:
        con.execute(
            "insert into core.events (event_key, type, org, model, event_date, status, open_weights, license, evidence,"
            " confidence, first_seen_at, last_seen_at, n_mentions, n_articles, n_outlets, updated_at)"
            " values (?, ?, ?, ?, '2025-11-20', ?, ?, 'Apache-2.0', ?, ?, ?, ?, 1, 1, 1, now())",
            [key, type_, org, model, status, open_weights, evidence, confidence,
             first_seen or datetime.now(timezone.utc), first_seen or datetime.now(timezone.utc)])


@pytest.fixture
def warehouse(tmp_path) -> Path:
    path = tmp_path / "radar.duckdb"
    db.migrate(path)
    return path


def test_down_receiver_gets_the_alert_on_a_later_run_exactly_once(warehouse):
    with WebhookSink() as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",),
                            extra={"alert_retry_base_seconds": 0})
        alerts.deliver(warehouse, settings)            # subscribes
        _add_event(warehouse, "k1", "Llama 4")
        hook.down()
        report = alerts.deliver(warehouse, settings)
        assert report["n_failed"] == 1 and report["n_sent"] == 0
        again = alerts.deliver(warehouse, settings)    # still down: attempts grow, nothing lost
        assert again["n_failed"] == 1
        row = _outbox(warehouse)[0]
        assert row["status"] == "failed" and row["attempts"] == 2 and row["last_error"]
        hook.up()
        assert alerts.deliver(warehouse, settings)["n_sent"] == 1
        assert alerts.deliver(warehouse, settings)["n_due"] == 0
        assert [m["title"] for m in hook.messages] == ["New model release: Meta Llama 4"]
        row = _outbox(warehouse)[0]
        assert row["status"] == "sent" and row["attempts"] == 3 and row["last_error"] is None


def test_failed_alert_waits_for_its_backoff(warehouse):
    with WebhookSink(status=500) as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",))  # default base: 60 s
        alerts.deliver(warehouse, settings)
        _add_event(warehouse, "k1", "Llama 4")
        assert alerts.deliver(warehouse, settings)["n_failed"] == 1
        hook.status = 200
        assert alerts.deliver(warehouse, settings)["n_due"] == 0   # not due yet
        wait = db.query(warehouse, "select extract(epoch from next_attempt_at - now()) as s from ops.alerts")["s"][0]
        assert 25 <= wait <= 61
        assert len(hook.attempts) == 1


def test_backoff_grows_exponentially_with_jitter_and_is_capped():
    rules = alerts.AlertRules(retry_base_seconds=60, retry_max_seconds=3600)
    for attempts, full in [(0, 60), (1, 120), (3, 480), (10, 3600)]:
        delays = [rules.retry_seconds(attempts) for _ in range(50)]
        assert all(full / 2 <= d <= full for d in delays)
        assert len(set(delays)) > 1


def test_release_in_the_warehouse_before_the_subscription_is_not_alerted(warehouse):
    _add_event(warehouse, "old", "Llama 3")
    with WebhookSink() as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",))
        assert alerts.deliver(warehouse, settings)["n_queued"] == 0
        _add_event(warehouse, "new", "Llama 4")
        assert alerts.deliver(warehouse, settings)["n_sent"] == 1
        assert [m["title"] for m in hook.messages] == ["New model release: Meta Llama 4"]


def test_channel_added_to_a_running_warehouse_hears_about_this_runs_finds(warehouse):
    """Subscription starts at the start of the run that first sees the channel, once the warehouse has history."""
    now = datetime.now(timezone.utc)
    with db.writing(warehouse) as con:
        con.execute("insert into ops.runs (run_id, started_at, finished_at, status) values "
                    "('earlier', ?, ?, 'completed'), ('current', ?, null, 'running')",
                    [now - timedelta(hours=1), now - timedelta(minutes=59), now - timedelta(seconds=30)])
    _add_event(warehouse, "before", "Llama 3", first_seen=now - timedelta(minutes=59, seconds=30))
    _add_event(warehouse, "this-run", "Llama 4", first_seen=now - timedelta(seconds=10))
    with WebhookSink() as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",))
        assert alerts.deliver(warehouse, settings, run_id="current")["n_sent"] == 1
        assert [m["title"] for m in hook.messages] == ["New model release: Meta Llama 4"]


def test_rules_select_types_orgs_open_weights_and_confidence(warehouse):
    with WebhookSink() as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",),
                            extra={"alert_orgs": ["Meta", "Mistral AI"], "alert_open_weights_only": True,
                                   "alert_min_confidence": 0.7})
        alerts.deliver(warehouse, settings)
        _add_event(warehouse, "ok", "Llama 4")
        _add_event(warehouse, "other-org", "Gemini 3", org="Google DeepMind")
        _add_event(warehouse, "closed", "Llama Closed", open_weights=False)
        _add_event(warehouse, "unsure", "Llama Maybe", confidence=0.65)
        _add_event(warehouse, "planned", "Llama 5", status="planned")
        _add_event(warehouse, "funding", "", type_="funding")
        _add_event(warehouse, "mistral", "Mistral Small 4", org="Mistral AI")
        alerts.deliver(warehouse, settings)
        assert sorted(m["title"] for m in hook.messages) == ["New model release: Meta Llama 4",
                                                             "New model release: Mistral AI Mistral Small 4"]


def test_news_older_than_max_age_is_not_queued(warehouse):
    """Rules changed or a channel re-added: events first seen weeks ago are not news any more."""
    with WebhookSink() as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",))
        alerts.deliver(warehouse, settings)
        with db.writing(warehouse) as con:
            con.execute("update ops.alert_channels set subscribed_at = now() - interval 60 days")
        _add_event(warehouse, "stale", "Llama 3", first_seen=datetime.now(timezone.utc) - timedelta(days=30))
        _add_event(warehouse, "fresh", "Llama 4")
        alerts.deliver(warehouse, settings)
        assert [m["title"] for m in hook.messages] == ["New model release: Meta Llama 4"]
        no_limit = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",), extra={"alert_max_age_days": 0})
        assert alerts.deliver(warehouse, no_limit)["n_sent"] == 1   # 0 turns the limit off


def test_rules_from_environment_and_bad_rules_are_refused():
    rules = alerts.AlertRules.from_settings(Settings(), env={"RADAR_ALERT_TYPES": "model_release, funding",
                                                             "RADAR_ALERT_ORGS": "Mistral AI,Meta",
                                                             "RADAR_ALERT_MIN_CONFIDENCE": "0.8"})
    assert rules.types == ("model_release", "funding") and rules.orgs == ("Mistral AI", "Meta")
    assert rules.min_confidence == 0.8 and rules.open_weights_only is False
    with pytest.raises(ValueError, match="unknown event type"):
        alerts.AlertRules.from_settings(Settings(extra={"alert_types": ["model_releases"]}), env={})
    with pytest.raises(ValueError, match="between 0 and 1"):
        alerts.AlertRules.from_settings(Settings(extra={"alert_min_confidence": 7}), env={})


HOSTILE_MODEL = "Llama <!channel> <@U024BE7LH> @everyone"
HOSTILE_EVIDENCE = ("Meta released it <script>alert(1)</script> [click here](https://evil.example/x) "
                    "<https://evil.example|docs> @here <b>now</b> \u202eevil\u202c.")


def test_hostile_text_arrives_inert_on_webhook_and_email(warehouse):
    with WebhookSink() as hook, SmtpSink() as mail:
        settings = Settings(alert_urls=(hook.apprise_url, mail.apprise_url), allow_hosts=("127.0.0.1",))
        alerts.deliver(warehouse, settings)
        _add_event(warehouse, "evil", HOSTILE_MODEL, evidence=HOSTILE_EVIDENCE)
        assert alerts.deliver(warehouse, settings)["n_sent"] == 2
        received = [m["title"] + "\n" + m["message"] for m in hook.messages] + mail.texts()
        assert len(received) == 2
        for text in received:
            for bad in ("<!channel>", "<@U024BE7LH>", "@everyone", "@here", "<script", "](https://",
                        "<https://", "<b>", "\u202e"):
                assert bad not in text, f"{bad!r} survived in {text!r}"
            assert "Llama" in text and "evil.example" in text  # the content is still there, as text


def test_private_or_loopback_target_is_refused_unless_allow_listed(warehouse):
    with WebhookSink() as hook:
        refused = Settings(alert_urls=(hook.apprise_url,), extra={"alert_retry_base_seconds": 0})
        alerts.deliver(warehouse, refused)
        _add_event(warehouse, "k1", "Llama 4")
        report = alerts.deliver(warehouse, refused)
        assert report["n_failed"] == 1 and hook.attempts == []
        row = _outbox(warehouse)[0]
        assert "loopback" in row["last_error"] and "allow_hosts" in row["last_error"]
        # The operator allow-lists the receiver: the queued alert goes out on the next run.
        allowed = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",),
                           extra={"alert_retry_base_seconds": 0})
        assert alerts.deliver(warehouse, allowed)["n_sent"] == 1 and len(hook.messages) == 1


def test_a_claim_held_by_another_sender_is_left_alone_and_a_stale_one_becomes_unknown(warehouse):
    """A sender that died mid-send may have delivered: its row becomes 'unknown', is never resent automatically,
    and `radar alerts resend` sends it on purpose."""
    with WebhookSink() as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",))
        alerts.deliver(warehouse, settings)
        _add_event(warehouse, "k1", "Llama 4")
        alerts.enqueue(warehouse, settings)
        with db.writing(warehouse) as con:   # another sender is sending it right now
            con.execute("update ops.alerts set status = 'sending', claim_id = 'other', claimed_at = now()")
        assert alerts.deliver(warehouse, settings)["n_due"] == 0 and hook.attempts == []
        with db.writing(warehouse) as con:   # ... or it died 20 minutes ago, before recording the outcome
            con.execute("update ops.alerts set claimed_at = now() - interval 20 minutes")
        report = alerts.deliver(warehouse, settings)
        assert (report["n_unknown"], report["n_due"], report["n_sent"]) == (1, 0, 0) and hook.attempts == []
        row = _outbox(warehouse)[0]
        assert row["status"] == "unknown" and "maybe delivered" in row["last_error"]
        assert alerts.deliver(warehouse, settings)["n_due"] == 0 and hook.attempts == []   # and stays so
        [listed] = outbox_table.outbox(warehouse, status="unknown").to_dicts()
        assert listed["alert_id"] == outbox_table.alert_id("k1", alerts.channel_id(hook.apprise_url))
        outcome = alerts.resend(warehouse, settings, listed["alert_id"][:6])
        assert outcome["ok"] and outcome["status_before"] == "unknown"
        assert [m["title"] for m in hook.messages] == ["New model release: Meta Llama 4"]
        assert _outbox(warehouse)[0]["status"] == "sent"


def test_resend_refuses_an_unknown_id_a_row_being_sent_and_an_event_that_is_gone(warehouse):
    """warehouse/alerts.py finds and claims the row; alerts/outbox.py says why it cannot be resent."""
    with WebhookSink() as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",))
        alerts.deliver(warehouse, settings)
        _add_event(warehouse, "k1", "Llama 4")
        alerts.enqueue(warehouse, settings)
        row_id = outbox_table.alert_id("k1", alerts.channel_id(hook.apprise_url))
        with pytest.raises(ValueError, match="no alert has id"):
            alerts.resend(warehouse, settings, "ffff" if not row_id.startswith("ffff") else "0000")
        with db.writing(warehouse) as con:   # a live sender holds it
            con.execute("update ops.alerts set status = 'sending', claim_id = 'other', claimed_at = now()")
        with pytest.raises(ValueError, match="is being sent right now"):
            alerts.resend(warehouse, settings, row_id)
        with db.writing(warehouse) as con:   # its sender recorded a failure; then the event left core.events
            con.execute("update ops.alerts set status = 'failed'")
            con.execute("delete from core.events where event_key = 'k1'")
        with pytest.raises(ValueError, match="is not in core.events"):
            alerts.resend(warehouse, settings, row_id)
        assert _outbox_rows(warehouse) == [("k1", "failed")] and hook.attempts == []   # the claim was rolled back


def _outbox_rows(db_path: Path) -> list[tuple]:
    return [tuple(r) for r in db.query(db_path, "select event_key, status from ops.alerts").rows()]


def test_channel_ids_and_displays_never_hold_secrets():
    url = "slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7F"
    assert alerts.channel_id(url) == alerts.channel_id(f" {url} ") and len(alerts.channel_id(url)) == 24
    display = alerts.url_display(url)
    assert display.startswith("slack://") and "TIiajkdnlazkcOXrIdevi7F" not in display and "T1JJ3T3L2" not in display
    display = alerts.url_display("json://user:hunter22@hooks.example.com/path/secret-token")
    assert display == "json://hooks.example.com" and "hunter22" not in display
    assert alerts.url_display("nope://x") == "nope:// (invalid)"


def test_send_test_reports_each_url(tmp_path):
    with WebhookSink() as good, WebhookSink(status=500) as bad:
        settings = Settings(alert_urls=(good.apprise_url, bad.apprise_url, "nope://x"), allow_hosts=("127.0.0.1",))
        results = alerts.send_test(settings)
        assert [r["ok"] for r in results] == [True, False, False]
        assert "not a valid Apprise URL" in results[2]["error"]
        assert len(good.messages) == 1 and len(bad.attempts) == 1


def test_cli_alerts_test_and_list(warehouse, tmp_path):
    from typer.testing import CliRunner

    from cli.main import app

    with WebhookSink() as hook:
        config = _write_config(tmp_path / "radar.toml", [hook.apprise_url])
        result = CliRunner().invoke(app, ["alerts", "test", "--config", str(config)])
        assert result.exit_code == 0, result.output
        assert "sent" in result.output and len(hook.messages) == 1
        settings = Settings.load(config)
        alerts.deliver(warehouse, settings)
        _add_event(warehouse, "k1", "Llama 4")
        alerts.deliver(warehouse, settings)
    result = CliRunner().invoke(app, ["alerts", "list", "--db", str(warehouse), "--status", "sent"])
    assert result.exit_code == 0, result.output
    assert "Llama" in result.output and "sent" in result.output
    result = CliRunner().invoke(app, ["alerts", "list", "--db", str(warehouse), "--format", "json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["status"], r["model"], r["channel_url"]) for r in rows] == [("sent", "Llama 4", f"json://127.0.0.1:{hook.port}")]
    result = CliRunner().invoke(app, ["alerts", "list", "--db", str(warehouse), "--status", "bogus"])
    assert result.exit_code == 2
    empty = tmp_path / "none.toml"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["alerts", "test", "--config", str(empty)], env={"RADAR_ALERT_URLS": ""})
    assert result.exit_code == 2 and "no alert URLs" in result.output


# --------------------------------------------------------------------------- the address policy on every channel

def _refused_everywhere(warehouse: Path, settings: Settings) -> dict[str, str]:
    """Queue one release for every channel in settings and deliver it: {url display: last_error} of the rows."""
    alerts.deliver(warehouse, settings)
    _add_event(warehouse, "k1", "Llama 4")
    report = alerts.deliver(warehouse, settings)
    assert report["n_sent"] == 0 and report["n_failed"] == len(settings.alert_urls)
    rows = db.query(warehouse, "select c.url_display, a.status, a.last_error from ops.alerts a "
                               "join ops.alert_channels c using (channel)").to_dicts()
    assert {r["status"] for r in rows} == {"failed"}
    return {r["url_display"]: r["last_error"] for r in rows}


def test_syslog_over_udp_to_private_link_local_or_loopback_is_refused_and_recorded(warehouse):
    with nothing_leaves_the_machine() as escaped, UdpSink("127.0.0.2") as other_loopback, UdpSink() as local:
        targets = {other_loopback.apprise_url: "loopback", "rsyslog://169.254.169.254": "link-local",
                   "rsyslog://10.11.12.13:5514": "private",
                   f"rsyslog://localhost:{local.port}": "loopback"}   # a name: judged by what it resolves to
        settings = Settings(alert_urls=tuple(targets), extra={"alert_retry_base_seconds": 0})
        errors = _refused_everywhere(warehouse, settings)
        for url, reason in targets.items():
            error = errors[alerts.url_display(url)]
            assert "refused datagram to" in error and f"address is {reason}" in error and "allow_hosts" in error
        assert escaped == [] and other_loopback.messages == [] and local.messages == []
        assert not any(r["ok"] for r in alerts.send_test(settings))   # `radar alerts test` goes the same way
        assert escaped == [] and other_loopback.messages == [] and local.messages == []

        # Allow-listed, the syslog receiver gets the queued alert on the next run.
        allowed = Settings(alert_urls=(other_loopback.apprise_url,), allow_hosts=("127.0.0.2",),
                           extra={"alert_retry_base_seconds": 0})
        assert alerts.deliver(warehouse, allowed)["n_sent"] == 1
        assert len(other_loopback.wait_for(1)) == 1 and b"Llama 4" in other_loopback.messages[0]


def test_email_to_private_link_local_or_loopback_is_refused_and_recorded(warehouse):
    query = "?from=bot@example.com&to=ops@example.com&mode=insecure"
    with nothing_leaves_the_machine() as escaped, SmtpSink() as mail:
        targets = {mail.apprise_url: "loopback", f"mailto://169.254.169.254:25{query}": "link-local",
                   f"mailto://192.168.7.7:587{query}": "private"}
        settings = Settings(alert_urls=tuple(targets), extra={"alert_retry_base_seconds": 0})
        errors = _refused_everywhere(warehouse, settings)
        for url, reason in targets.items():
            assert f"address is {reason}" in errors[alerts.url_display(url)]
        assert escaped == [] and mail.messages == []
        allowed = Settings(alert_urls=(mail.apprise_url,), allow_hosts=("127.0.0.1",))
        assert alerts.deliver(warehouse, allowed)["n_sent"] == 1 and len(mail.messages) == 1


def test_webhook_to_private_link_local_loopback_or_redirected_target_is_refused(warehouse):
    with nothing_leaves_the_machine() as escaped, WebhookSink(host="127.0.0.2") as off_list, \
            WebhookSink() as redirecting, WebhookSink() as redirecting_far:
        redirecting.redirect_to = off_list.http_url                        # allowed host -> loopback, not allowed
        redirecting_far.redirect_to = "http://169.254.169.254/latest/meta-data/"   # allowed host -> link-local
        targets = {off_list.apprise_url: "127.0.0.2", "json://169.254.169.254/hook": "169.254.169.254",
                   "jsons://10.0.0.8:8443/hook": "10.0.0.8", redirecting.apprise_url: "127.0.0.2",
                   redirecting_far.apprise_url: "169.254.169.254"}
        settings = Settings(alert_urls=tuple(targets), allow_hosts=("127.0.0.1",),
                            extra={"alert_retry_base_seconds": 0})
        errors = _refused_everywhere(warehouse, settings)
        for url, address in targets.items():
            assert f"refused connection to {address}" in errors[alerts.url_display(url)]
        assert escaped == [] and off_list.attempts == []
        assert len(redirecting.attempts) == 1 and len(redirecting_far.attempts) == 1   # reached, never followed


def test_channels_that_cannot_be_checked_are_refused_at_configuration(warehouse, tmp_path):
    from typer.testing import CliRunner

    from cli.main import app

    local = ["syslog://", "dbus://", "gnome://", "windows://", "macosx://"]
    settings = Settings(alert_urls=("json://hooks.example.com/x", *local))
    with pytest.raises(ValueError) as refused:
        alerts.deliver(warehouse, settings)
    assert all(url in str(refused.value) for url in local) and "json://" not in str(refused.value)
    assert "rsyslog://HOST" in str(refused.value)   # says what to use instead
    alerts.check_alert_urls(["json://hooks.example.com/x", "rsyslog://logs.example.com", "mailto://a.example.com"])
    config = _write_config(tmp_path / "radar.toml", ["syslog://"])
    result = CliRunner().invoke(app, ["alerts", "test", "--config", str(config)])
    assert result.exit_code == 2 and "syslog://" in result.output and "refused" in result.output
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nurl = "http://127.0.0.1:9/feed.xml"\nname = "x"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "--feeds", str(feeds), "--db", str(warehouse), "--config", str(config)])
    assert result.exit_code == 2 and "syslog://" in result.output   # before Prefect starts or anything is fetched
    assert db.query(warehouse, "select count(*) as n from ops.runs")["n"][0] == 0


def test_every_apprise_service_that_bypasses_python_sockets_is_refused():
    """Read Apprise's own plugin sources: a service that imports a local channel (libc syslog, D-Bus, GObject, the
    Windows API, USB HID, a subprocess) must be refused at configuration, so an Apprise upgrade that adds one fails
    here instead of slipping past the address guard."""
    import inspect
    import re

    from apprise.manager_plugins import NotificationManager

    local = re.compile(r"^\s*(?:import|from)\s+(syslog|subprocess|dbus|gi|ctypes|win32\w*|pywintypes|hid|usb)\b", re.M)
    plugins = NotificationManager()
    bypassing = {plugins[s].__module__.split(".")[2]: s for s in plugins.schemas()
                 if local.search(inspect.getsource(inspect.getmodule(plugins[s])))}
    assert set(bypassing) == set(alerts.UNCHECKED_SERVICES)
    for scheme in bypassing.values():
        assert alerts.unchecked_reason(f"{scheme}://") is not None
    assert alerts.unchecked_reason("rsyslog://logs.example.com") is None


def test_no_process_and_no_raw_socket_while_sending():
    with nothing_leaves_the_machine() as escaped, alerts.guarded(frozenset()) as guard:
        with pytest.raises(PermissionError, match="start a process"):
            subprocess.run(["true"], check=False)
        with pytest.raises(PermissionError, match="raw or non-IP socket"):
            import socket
            socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    assert len(guard.refused) == 2 and escaped == []
    assert subprocess.run(["true"], check=False).returncode == 0   # outside a send: not our business


# --------------------------------------------------------------------------- delivery guarantees

def test_webhook_carries_a_stable_idempotency_key(warehouse):
    with WebhookSink(status=500) as hook:
        settings = Settings(alert_urls=(hook.apprise_url,), allow_hosts=("127.0.0.1",),
                            extra={"alert_retry_base_seconds": 0})
        alerts.deliver(warehouse, settings)
        _add_event(warehouse, "k1", "Llama 4")
        _add_event(warehouse, "k2", "Llama 5")
        alerts.deliver(warehouse, settings)                 # both fail
        hook.status = 200
        alerts.deliver(warehouse, settings)                 # both retried, delivered
        listed = {r["event_key"]: r["alert_id"] for r in outbox_table.outbox(warehouse).to_dicts()}
        alerts.resend(warehouse, settings, listed["k1"])    # and one sent again on purpose
    seen: dict[str, list[str]] = {}
    for attempt in hook.attempts:
        key = attempt["headers"]["X-Radar-Alert-Id"]
        assert attempt["body"]["radar_alert_id"] == key
        seen.setdefault(attempt["body"]["title"].rsplit(" ", 1)[-1], []).append(key)
    assert seen == {"4": [listed["k1"]] * 3, "5": [listed["k2"]] * 2}
    assert listed["k1"] != listed["k2"]


@pytest.mark.timeout(900)  # hang guard: a fresh `radar run` (Prefect's temporary server, GX) takes minutes under load
def test_killed_mid_send_is_delivered_once_marked_unknown_and_resent_only_on_purpose(tmp_path):
    """SIGKILL a real `radar run` while its receiver is still answering; rerun at once and after the stale window:
    the alert is never sent again by itself (one delivery), the row is 'unknown'; `radar alerts resend` sends it."""
    from typer.testing import CliRunner

    from cli.main import app

    site = Site(tmp_path / "site")
    db_path = tmp_path / "radar.duckdb"
    db.migrate(db_path)
    with serve_directory(site.root) as base, WebhookSink() as hook:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nurl = "{base}/feeds/ai.xml"\nname = "AI site"\n', encoding="utf-8")
        # Apprise gives up on a receiver after 4 s by default (a reported failure: retried later); rto=60 makes it
        # wait, so the send is still under way (up to the 30 s send timeout) when the process is killed.
        config = _write_config(tmp_path / "radar.toml", [hook.apprise_url + "?rto=60"])
        settings = Settings.load(config)
        alerts.deliver(db_path, settings)                        # subscribe
        _add_event(db_path, "k1", "Llama 4")                     # news since: due at the next run's alert step
        hook.delay = 120                                         # the receiver takes its time to answer
        env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "RADAR_CONFIG": str(config)}
        log = tmp_path / "run.log"
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "cli.main", "run", "--feeds", str(feeds), "--db",
                                     str(db_path), "--config", str(config)],
                                    cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + 780
            while not hook.attempts and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
            assert hook.attempts, (f"the run never reached the receiver (exit code {proc.poll()}):\n"
                                   + log.read_text(errors="replace")[-3000:])
        finally:
            os.killpg(proc.pid, signal.SIGKILL)                  # the run and the temporary Prefect server it started
            proc.wait(timeout=60)
        hook.delay = 0
        assert _outbox(db_path)[0]["status"] == "sending"

        at_once = alerts.deliver(db_path, settings)              # a rerun at once: the claim is fresh, left alone
        assert (at_once["n_due"], at_once["n_unknown"]) == (0, 0)
        short = replace(settings, extra={**settings.extra, "alert_claim_stale_seconds": 1})
        time.sleep(1.5)                                          # ... and one after the stale window
        later = alerts.deliver(db_path, short)
        assert (later["n_due"], later["n_unknown"], later["n_sent"]) == (0, 1, 0)
        assert alerts.deliver(db_path, short)["n_due"] == 0
        assert len(hook.attempts) == 1                           # one delivery, not repeated
        row = _outbox(db_path)[0]
        assert row["status"] == "unknown" and "maybe delivered" in row["last_error"]

        listed = CliRunner().invoke(app, ["alerts", "list", "--db", str(db_path), "--status", "unknown",
                                          "--format", "json"])
        [shown] = [json.loads(line) for line in listed.output.splitlines()]
        assert shown["status"] == "unknown" and shown["model"] == "Llama 4"
        with db.writing(db_path) as con:  # as a warehouse last written by a version before the taxonomy declaration
            con.execute("drop macro core.typed_fields")
        resent = CliRunner().invoke(app, ["alerts", "resend", shown["alert_id"], "--db", str(db_path),
                                          "--config", str(config)])
        assert resent.exit_code == 0, resent.output
        assert len(hook.attempts) == 2 and len(hook.messages) == 1   # once more, on purpose
        first, second = (a["headers"]["X-Radar-Alert-Id"] for a in hook.attempts)
        assert first == second == shown["alert_id"]                 # the receiver can tell it is a repeat
        assert _outbox(db_path)[0]["status"] == "sent"

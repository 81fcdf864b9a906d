"""The alert step: deliver the alert outbox (alerts/outbox.py) and show what went out. Thin wiring only.

A task, not a subflow, on purpose: Prefect stores a subflow's parameters in its database and shows them in the
UI, and `settings` carries the Apprise URLs (webhook tokens, SMTP passwords). A task's argument values are not
sent to the API.
"""
from __future__ import annotations

from pathlib import Path

from prefect import get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE

from alerts import outbox as alerts
from config.settings import Settings


@task(name="send-alerts", cache_policy=NO_CACHE)
def send_alerts(db_path: str, settings: Settings | None = None, run_id: str | None = None) -> dict:
    """Queue events that match the alert rules for every configured Apprise URL and send what is due.

    Returns counts (channels, queued, due, sent, failed, unknown, events alerted). A failed delivery does not fail
    the step: it stays in ops.alerts as 'failed' and a later run retries it after its backoff. A send that a dead
    sender left unfinished becomes 'unknown' (logged as a warning) and is not repeated: `radar alerts resend ID`.
    A table artifact `radar-alerts` lists the events alerted by this call.
    """
    settings = settings or Settings.load()
    logger = get_run_logger()
    report = alerts.deliver(Path(db_path), settings, run_id=run_id, log=logger.warning)
    alerted = report.pop("alerted")
    create_table_artifact(
        key="radar-alerts",
        table=alerted or [{"type": "", "org": "", "model": "", "open_weights": None, "license": "", "date": "",
                           "channels": "no alert sent this run"}],
        description=f"Alerts delivered: {report['n_sent']} sent, {report['n_failed']} failed "
                    f"(will retry), {report['n_unknown']} found interrupted mid-send (unknown, not resent), "
                    f"{report['n_channels']} channel(s)",
    )
    if report["n_channels"] == 0:
        logger.info("no alert_urls configured: nothing to send")
    return {**report, "n_events_alerted": len(alerted)}

"""The alert flow: deliver the alert outbox (radar/alerts.py) and show what went out. Thin wiring only."""
from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger
from prefect.artifacts import create_table_artifact

from radar import alerts
from radar.settings import Settings


@flow(name="radar-alerts", log_prints=False)
def send_alerts(db_path: str, settings: Settings | None = None, run_id: str | None = None) -> dict:
    """Queue events that match the alert rules for every configured Apprise URL and send what is due.

    Returns counts (channels, queued, due, sent, failed). A failed delivery does not fail the flow: it stays in
    ops.alerts as 'failed' and is retried by a later run after its backoff.
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
                    f"(will retry), {report['n_channels']} channel(s)",
    )
    if report["n_channels"] == 0:
        logger.info("no alert_urls configured: nothing to send")
    return {**report, "n_events_alerted": len(alerted)}

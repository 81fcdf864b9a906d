"""Scheduling: one flow a Prefect deployment runs on a schedule (ingest -> alerts -> read snapshot), and
`serve()`, which registers that deployment with the Prefect server in PREFECT_API_URL and runs it.

Overlap: the deployment has a Prefect deployment concurrency limit of 1 (collision strategy ENQUEUE). The
server hands out one slot; a run that finds it taken waits in 'AwaitingConcurrencySlot' and starts when the
previous run ends, so two ingest runs never write at the same time, whoever starts them (schedule, UI,
`prefect deployment run`). This is Prefect's own lease-based mechanism: a crashed run's slot is freed when its
lease expires.

The deployment's limit only covers its own runs. A `radar run` or `radar demo` by hand, or a second deployment on
the same warehouse, is kept out by the warehouse's writer lock (warehouse/lock.py), which every run holds from
before its first fetch: a scheduled run that finds it taken fails at once with WarehouseBusy (the next one
catches up), and so does a `radar run` that finds a scheduled run writing.

Readers: after every run the warehouse is published as a read-only copy next to it (radar.read.duckdb for
radar.duckdb); see docs/operating.md for why.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from alerts.outbox import check_alert_urls
from config.settings import Settings
from flows.alert import send_alerts
from flows.ingest import ingest
from sources.feeds import load_feeds
from warehouse.lock import writer_lock
from warehouse.snapshot import publish_read_snapshot

FLOW_NAME = "radar-scheduled-ingest"
DEFAULT_DEPLOYMENT = "radar"
DEFAULT_INTERVAL_SECONDS = 15 * 60


@flow(name=FLOW_NAME, log_prints=False)
def scheduled_ingest(feeds_file: str, db_path: str, config_file: str | None = None, force: bool = False,
                     shard: str | None = None, landing_root: str | None = None) -> dict:
    """One scheduled poll: ingest every due feed in FEEDS_FILE (of shard "I/N" only, when given: feeds are assigned
    to shards by registrable domain), send due alerts, publish the read snapshot. With `landing_root` (a shard
    worker, docs/scale-out.md) every batch is also landed there and no alert is sent: the merger sends them."""
    # Another process writing this warehouse: WarehouseBusy at once, before anything is fetched (module docstring).
    with writer_lock(db_path):
        settings = Settings.load(Path(config_file) if config_file else None)
        check_alert_urls(settings.alert_urls)  # an alert URL the address policy cannot check: refused before any work
        feeds = load_feeds(feeds_file)
        try:
            # The ingest subflow's parameters are stored by Prefect and shown in its UI: keep the Apprise URLs (tokens,
            # passwords) out of them. Ingest does not use them; the alert step is a task, whose arguments stay local.
            counts = ingest(feeds=feeds, db_path=db_path, settings=replace(settings, alert_urls=()), force=force,
                            shard=shard, landing_root=landing_root)
            alert_counts = None if landing_root else send_alerts(db_path=db_path, settings=settings,
                                                                 run_id=counts["run_id"])
        except Exception:
            # Whatever committed before the failure is consistent (whole batches): readers may as well see it.
            try:
                publish_snapshot(db_path)
            except Exception as exc:  # noqa: BLE001 - never hide the run's own error behind this one
                get_run_logger().warning("could not publish the read snapshot: %s", exc)
            raise
        snapshot = publish_snapshot(db_path)
    return {**counts, "alerts": alert_counts, "read_snapshot": str(snapshot)}


# --------------------------------------------------------------------------- read snapshot

@task(name="publish-read-snapshot", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)
def publish_snapshot(db_path: str) -> str:
    return str(publish_read_snapshot(db_path))


# --------------------------------------------------------------------------- deployment

def build_deployment(feeds_file: str | Path, db_path: str | Path, interval: float | None = None,
                     cron: str | None = None, config_file: str | Path | None = None,
                     name: str = DEFAULT_DEPLOYMENT, shard: str | None = None, landing_root: str | None = None):
    """The scheduled deployment: every 15 minutes unless `interval` (seconds) or `cron` is given; at most one
    run at a time (Prefect deployment concurrency limit 1, later runs queue). With `shard` ("I/N") it polls only
    that shard's feeds (a parameter like the others: a run can be started for another shard); with `landing_root`
    it lands its batches there for the merger (docs/scale-out.md)."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.deployments.runner import EntrypointType

    if interval is not None and cron:
        raise ValueError("give an interval or a cron expression, not both")
    if interval is None and not cron:
        interval = DEFAULT_INTERVAL_SECONDS
    if interval is not None and interval <= 0:
        raise ValueError(f"interval must be a positive number of seconds, got {interval}")
    parameters = {
        # Runs execute in a fresh process whose working directory may differ: pin absolute paths.
        "feeds_file": str(Path(feeds_file).resolve()),
        "db_path": str(Path(db_path).resolve()),
        "config_file": str(Path(config_file).resolve()) if config_file else None,
        "shard": shard,
        # A local directory is pinned like the paths above; an object-store URI (s3://...) is kept as given.
        "landing_root": (landing_root if not landing_root or "://" in landing_root
                         else str(Path(landing_root).resolve())),
    }
    return scheduled_ingest.to_deployment(
        name=name,
        interval=interval,
        cron=cron,
        parameters=parameters,
        concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
        # The module path works from any directory: the package is installed (pip install -e .).
        entrypoint_type=EntrypointType.MODULE_PATH,
        tags=["radar"],
        description="AI Industry Radar: poll the feeds, load events, send alerts, publish the read snapshot.",
    )


def serve(feeds_file: str | Path, db_path: str | Path, interval: float | None = None, cron: str | None = None,
          config_file: str | Path | None = None, name: str = DEFAULT_DEPLOYMENT, shard: str | None = None) -> None:
    """Register the deployment with the Prefect server in PREFECT_API_URL and execute its runs until Ctrl-C or
    SIGTERM (the deployment is then paused; serving again resumes it). Stopping prints one line and ends the
    process within seconds, even when Prefect's own shutdown lingers (flows/stopping.py)."""
    from prefect import serve as prefect_serve

    from flows.stopping import stop_on_signals

    line = f"stopped serving {FLOW_NAME}/{name}; the deployment is paused until `radar serve` runs again"
    with stop_on_signals(lambda: line, grace_s=8.0) as stop:
        try:
            prefect_serve(build_deployment(feeds_file, db_path, interval, cron, config_file, name, shard))
        except BaseException:
            if stop.signum is None:
                raise
        if stop.signum is not None:  # Prefect returns normally after a Ctrl-C or its own SIGTERM shutdown
            stop.exit_now()

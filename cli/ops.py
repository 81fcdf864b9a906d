"""Operator commands: `radar serve` (the scheduler) and `radar alerts test|list|resend` (the alert outbox)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from cli.output import console, err
from cli.output import fail as _fail

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.", envvar="RADAR_DB_PATH")]
ConfigOption = Annotated[Path | None,
                         typer.Option("--config", help="Settings file (default: ./radar.toml if present).")]
DEFAULT_DB = Path("warehouse/radar.duckdb")
NO_SERVER = (
    "radar serve needs a Prefect server, and PREFECT_API_URL is not set.\n"
    "  Start one:  prefect server start --host 127.0.0.1 --port 4200\n"
    "  Then:       export PREFECT_API_URL=http://127.0.0.1:4200/api\n"
    "(`radar run` polls once without a server.)"
)

alerts_app = typer.Typer(help="The alert outbox: test the configured Apprise URLs, list queued/sent/failed/unknown "
                              "alerts, resend one on purpose.",
                         rich_markup_mode=None, no_args_is_help=True, add_completion=False)




def _text(value) -> Text:
    """Warehouse text is untrusted: shown literally (no Rich markup), without terminal control characters."""
    return Text("".join(ch if ch.isprintable() else " " for ch in ("" if value is None else str(value))))


def _api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active Prefect profile."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    try:
        from prefect.settings import get_current_settings

        return get_current_settings().api.url or None
    except Exception:  # noqa: BLE001 - an unreadable profile means no server configured
        return None


def serve(
    feeds: Annotated[Path, typer.Option("--feeds", help="Feeds file: TOML with [[feeds]] tables (url, name).")],
    db: DbOption = DEFAULT_DB,
    interval: Annotated[float | None, typer.Option("--interval", help="Seconds between runs (default 900).")] = None,
    cron: Annotated[str | None, typer.Option("--cron", help="Cron expression, e.g. \"*/15 * * * *\".")] = None,
    config: ConfigOption = None,
    name: Annotated[str, typer.Option("--name", help="Deployment name.")] = "radar",
) -> None:
    """Serve the scheduled ingest (ingest, alerts, read snapshot) against the Prefect server in PREFECT_API_URL.

    Registers the deployment 'radar-scheduled-ingest/NAME' (every 15 minutes unless --interval or --cron; at
    most one run at a time) and executes its runs until stopped with Ctrl-C or SIGTERM.
    """
    from cli.common import check_db_writable
    from sources.feeds import FeedsFileError, load_feeds

    check_db_writable(db)  # before Prefect: each scheduled run writes here
    if interval is not None and cron:
        _fail("give --interval or --cron, not both")
    if interval is not None and interval <= 0:
        _fail(f"--interval must be a positive number of seconds, got {interval}")
    api = _api_url()
    if not api:
        _fail(NO_SERVER)
    try:
        load_feeds(feeds)
    except FeedsFileError as exc:
        _fail(str(exc))
    if config is not None and not config.is_file():
        _fail(f"settings file not found: {config}")
    try:
        from prefect.client.orchestration import get_client

        with get_client(sync_client=True) as client:
            problem = client.api_healthcheck()
    except Exception as exc:  # noqa: BLE001
        problem = exc
    if problem is not None:
        _fail(f"the Prefect server at {api} does not answer ({type(problem).__name__}: {problem}).\n"
              "Is `prefect server start` running?")
    from flows.schedule import DEFAULT_INTERVAL_SECONDS, FLOW_NAME
    from flows.schedule import serve as serve_deployment

    every = f"cron {cron!r}" if cron else f"every {interval or DEFAULT_INTERVAL_SECONDS:g} s"
    console.print(f"Serving [bold]{FLOW_NAME}/{name}[/] ({every}, one run at a time) against {api}\n"
                  f"  feeds: {feeds.resolve()}\n  warehouse: {db.resolve()}\n"
                  f"Trigger a run now: prefect deployment run '{FLOW_NAME}/{name}'", highlight=False)
    serve_deployment(feeds, db, interval=interval, cron=cron, config_file=config, name=name)


@alerts_app.command("test")
def alerts_test(config: ConfigOption = None) -> None:
    """Send a test message to every configured Apprise URL and print each one's outcome."""
    from alerts.outbox import send_test
    from config.settings import Settings

    settings = Settings.load(config)
    if not settings.alert_urls:
        _fail("no alert URLs configured: set alert_urls in radar.toml or RADAR_ALERT_URLS (Apprise URLs)")
    try:
        results = send_test(settings)
    except ValueError as exc:  # a URL the address policy cannot check
        _fail(str(exc))
    table = Table(title="Test alert", title_justify="left")
    for column in ("channel", "url", "status", "error"):
        table.add_column(column, overflow="fold")
    for r in results:
        table.add_row(_text(r["channel"]), _text(r["url"]), "[green]sent[/]" if r["ok"] else "[red]failed[/]",
                      _text(r["error"]))
    console.print(table)
    if not all(r["ok"] for r in results):
        raise typer.Exit(1)


@alerts_app.command("list")
def alerts_list(
    db: DbOption = DEFAULT_DB,
    status: Annotated[str | None, typer.Option(
        "--status",
        help="pending, sending, sent, failed or unknown (its sender died mid-send: maybe delivered).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows, newest first.")] = 100,
    output: Annotated[str, typer.Option("--format", help="table or json (one object per line).")] = "table",
) -> None:
    """The alert outbox (ops.alerts): one row per event and channel, with its id, attempts and the last error.

    'unknown' rows were being sent when their sender died: the receiver may have them, so they are not sent again
    unless you run `radar alerts resend ID`.
    """
    import json
    import sys

    import duckdb

    from warehouse.alerts import ALERT_STATUSES, outbox

    if status is not None and status not in ALERT_STATUSES:
        _fail(f"unknown --status {status!r}: use one of {', '.join(ALERT_STATUSES)}")
    if output not in ("table", "json"):
        _fail(f"unknown --format {output!r}: use table or json")
    try:
        frame = outbox(db, status=status, limit=limit)
    except FileNotFoundError as exc:
        _fail(str(exc))
    except duckdb.CatalogException:
        console.print("No alert outbox yet: the next run creates it.")
        return
    if output == "json":
        for row in frame.to_dicts():
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"Alerts (ops.alerts){' - ' + status if status else ''}: {frame.height} shown",
                  title_justify="left")
    for column in ("id", "status", "tries", "channel", "event", "when", "last error"):
        table.add_column(column, overflow="fold")
    for r in frame.to_dicts():
        if r["sent_at"]:
            when = f"sent {r['sent_at']:%Y-%m-%d %H:%M}"
        elif r["status"] in ("sending", "unknown") and r["claimed_at"]:
            when = f"send began {r['claimed_at']:%Y-%m-%d %H:%M}"
        else:
            when = f"next {r['next_attempt_at']:%Y-%m-%d %H:%M}"
        event = " ".join(str(v) for v in (r["org"], r["model"]) if v) or r["event_key"]
        table.add_row(*[_text(v) for v in (r["alert_id"], r["status"], r["attempts"], r["channel_url"] or r["channel"],
                                            f"{r['type']}: {event}", when, r["last_error"])])
    console.print(table, highlight=False)


@alerts_app.command("resend")
def alerts_resend(
    alert_id: Annotated[str, typer.Argument(help="The alert's id as `radar alerts list` shows it (or a unique "
                                                 "prefix of 4+ digits).")],
    db: DbOption = DEFAULT_DB,
    config: ConfigOption = None,
) -> None:
    """Send one alert again, on purpose: above all an 'unknown' one (its sender died mid-send, so it was not
    resent automatically), also a failed, pending or sent one. Webhooks get the same X-Radar-Alert-Id as before,
    so a receiver that already has it can drop the repeat. Exit 1 if the send fails (the row is then 'failed'
    and retried by later runs)."""
    from alerts.outbox import resend
    from config.settings import Settings

    if not db.is_file():
        _fail(f"warehouse not found: {db}")
    from warehouse import db as warehouse

    # A warehouse last written by an older version lacks what the message query reads (core.typed_fields()).
    warehouse.migrate(db)
    try:
        outcome = resend(db, Settings.load(config), alert_id)
    except ValueError as exc:
        _fail(str(exc))
    if outcome["ok"]:
        console.print(Text(f"alert {outcome['alert_id']} ({outcome['status_before']}) sent again to "
                           f"{outcome['channel_url']}"))
        return
    err.print(Text(f"alert {outcome['alert_id']} to {outcome['channel_url']} failed: {outcome['error']} "
                   "(status 'failed': later runs retry it)"))
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)
    app.add_typer(alerts_app, name="alerts")

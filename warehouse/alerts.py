"""The alert outbox's tables (ops.alert_channels, ops.alerts): every read and write of them, one short
transaction per call, SQL in warehouse/sql/alert_*.sql. What to alert, how to send and when to retry are
alerts/outbox.py's decisions; this module only stores them.
"""
from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import polars as pl

from warehouse import db

if TYPE_CHECKING:
    from polars._typing import PolarsDataType

ALERT_STATUSES = ("pending", "sending", "sent", "failed", "unknown")
CHANNEL_SCHEMA: dict[str, PolarsDataType] = {"channel": pl.String, "url_display": pl.String,
                                             "subscribed_at": pl.Datetime("us", "UTC")}
OUTCOME_SCHEMA: dict[str, PolarsDataType] = {"event_key": pl.String, "channel": pl.String, "ok": pl.Boolean,
                                             "error": pl.String, "retry_seconds": pl.Float64}


def alert_id(event_key: str, channel: str) -> str:
    """A short stable id of one outbox row (event x channel): what `radar alerts list` shows, `radar alerts
    resend` takes, and webhooks receive as their idempotency key. It reveals neither the event nor the URL."""
    return hashlib.sha256(f"{event_key}\x1f{channel}".encode()).hexdigest()[:16]


def _execute(con: duckdb.DuckDBPyConnection, statement: str, incoming: pl.DataFrame | None = None,
             params: dict | None = None) -> list[tuple]:
    if incoming is not None:
        con.register("incoming", incoming)
    rows = con.execute(db.sql_text(statement), params or {}).fetchall()
    if incoming is not None:
        con.unregister("incoming")
    return rows


def _subscription_start(con: duckdb.DuckDBPyConnection, run_id: str | None) -> datetime:
    """When a channel first configured in this run starts: at the start of this run if the warehouse already
    had a completed run (this run's finds are news), else now (the first run only loads history)."""
    now = datetime.now(timezone.utc)
    if not run_id:
        return now
    row = _execute(con, "alert_subscription_start", params={"run_id": run_id})
    return row[0][0] if row else now


def enqueue(db_path: Path | str, channels: dict[str, str], rule_params: dict, run_id: str | None = None) -> int:
    """Register the channels (id -> display) and queue the events matching the rules (alert_enqueue.sql's
    parameters) that each should hear about; returns rows queued."""
    with db.writing(db_path) as con:
        start = _subscription_start(con, run_id)
        frame = pl.DataFrame([{"channel": c, "url_display": d, "subscribed_at": start} for c, d in channels.items()],
                             schema=CHANNEL_SCHEMA)
        _execute(con, "alert_subscribe", frame)
        rows = _execute(con, "alert_enqueue", frame.select("channel"), rule_params)
    return int(rows[0][0]) if rows else 0


def _messages(con: duckdb.DuckDBPyConnection, claim_id: str) -> list[dict]:
    """What the alerts claimed by ``claim_id`` say (alert_messages.sql), each with its alert id."""
    rows = db.frame(con, db.sql_text("alert_messages"), {"claim_id": claim_id}).to_dicts()
    return [{**row, "alert_id": alert_id(row["event_key"], row["channel"])} for row in rows]


def _expire_claims(con: duckdb.DuckDBPyConnection, stale_seconds: float) -> list[dict]:
    """'sending' rows whose sender died mid-send become 'unknown' (maybe delivered); returns them."""
    rows = _execute(con, "alert_expire_claims", params={"stale_seconds": float(stale_seconds)})
    return [{"alert_id": alert_id(key, channel), "event_key": key, "channel": channel, "claimed_at": claimed_at}
            for key, channel, claimed_at in rows]


def claim(db_path: Path | str, channels: list[str], stale_seconds: float) -> tuple[str, list[dict], list[dict]]:
    """Claim the due rows of these channels for one sender. Returns (claim id, message rows, rows found left in
    'sending' by a dead sender and now 'unknown')."""
    claim_id = uuid.uuid4().hex
    with db.writing(db_path) as con:
        expired = _expire_claims(con, stale_seconds)
        if not channels or not _execute(con, "alert_claim", pl.DataFrame({"channel": channels},
                                                                          schema={"channel": pl.String}),
                                        {"claim_id": claim_id}):
            return claim_id, [], expired
        rows = _messages(con, claim_id)
    return claim_id, rows, expired


def record(db_path: Path | str, claim_id: str, outcomes: list[dict]) -> None:
    """Each send's outcome (event_key, channel, ok, error, retry_seconds): sent, or failed with its backoff."""
    if outcomes:
        with db.writing(db_path) as con:
            _execute(con, "alert_record", pl.DataFrame(outcomes, schema=OUTCOME_SCHEMA), {"claim_id": claim_id})


def find(db_path: Path | str, id_prefix: str, stale_seconds: float) -> list[dict]:
    """The outbox rows whose alert id starts with ``id_prefix``, by id, after expiring dead senders' claims
    (so a row a dead sender left shows as 'unknown')."""
    with db.writing(db_path) as con:
        _expire_claims(con, stale_seconds)
        rows = db.frame(con, db.sql_text("alert_find")).to_dicts()
    matches = [{**row, "alert_id": alert_id(row["event_key"], row["channel"])} for row in rows]
    return sorted((m for m in matches if m["alert_id"].startswith(id_prefix)), key=lambda m: m["alert_id"])


class _NoMessage(Exception):
    """Rolls back a resend claim whose event is gone."""


def claim_one(db_path: Path | str, event_key: str, channel: str) -> tuple[str, list[dict]] | None:
    """Claim one row for a resend on purpose, whatever its status, unless a live sender holds it ('sending'):
    None then. Returns (claim id, its message row); no row (and no claim) when its event left core.events."""
    claim_id = uuid.uuid4().hex
    try:
        with db.writing(db_path) as con:
            if not _execute(con, "alert_resend", params={"claim_id": claim_id, "event_key": event_key,
                                                         "channel": channel}):
                return None
            rows = _messages(con, claim_id)
            if not rows:
                raise _NoMessage
    except _NoMessage:
        return claim_id, []
    return claim_id, rows


def outbox(db_path: Path | str, status: str | None = None, limit: int = 100) -> pl.DataFrame:
    """The outbox for `radar alerts list`, newest first, each row with its alert id."""
    if status is not None and status not in ALERT_STATUSES:
        raise ValueError(f"unknown status {status!r}: use one of {', '.join(ALERT_STATUSES)}")
    frame = db.query(db_path, db.sql_text("alert_list"), {"status": status, "limit": int(limit)})
    ids = [alert_id(key, channel) for key, channel in zip(frame["event_key"], frame["channel"], strict=True)]
    return frame.insert_column(0, pl.Series("alert_id", ids, dtype=pl.String))

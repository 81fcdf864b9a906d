"""Alerts: an outbox of (event, channel) rows in ops.alerts, delivered through Apprise.

One run of :func:`deliver`:

1. registers every configured Apprise URL as a *channel* (``ops.alert_channels``; a hash of the URL, never the
   URL itself) with the time its subscription started;
2. queues, in one short transaction, the events that match the alert rules and were first seen after the
   channel subscribed (so subscribing over an existing warehouse does not flood anyone with its backlog);
3. claims the due rows (pending, or failed with their backoff elapsed) in a second short transaction,
   sends them with no database connection open, and records each outcome in its own transaction.

A row is marked ``sent`` only when Apprise reports success. A failure keeps it ``failed`` with
``attempts + 1`` and a later ``next_attempt_at`` (exponential backoff with jitter); it is retried for as long
as the channel stays configured, so an alert is never lost. The claim (``status = 'sending'``) keeps two
senders from sending the same row; a claim older than ``CLAIM_STALE_SECONDS`` belongs to a sender that died
between sending and recording and is sent again (the one case where a subscriber may see an alert twice).

Outgoing connections pass the same SSRF rule as fetching (radar/http.py): every address Apprise connects to
must be globally routable unless the host is in ``settings.allow_hosts``. The check sits on the socket
connect itself (a ``sys.addaudithook`` hook scoped by a context variable to the sending call), so it holds
for every Apprise service, redirects and DNS answers included.

Alert text comes from untrusted feeds: :func:`clean` neutralises markup and mentions before anything is sent.
"""
from __future__ import annotations

import contextvars
import hashlib
import ipaddress
import logging
import math
import os
import random
import re
import sys
import threading
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import polars as pl

from radar.http import blocked_reason, resolve
from radar.settings import Settings
from warehouse import db

EVENT_TYPES = ("model_release", "funding", "acquisition", "partnership", "market_move", "policy",
               "training_cost", "benchmark_claim", "legal", "leadership")
EVENT_STATUSES = ("done", "planned", "reported")
ALERT_STATUSES = ("pending", "sending", "sent", "failed")
CLAIM_STALE_SECONDS = 15 * 60
SEND_TIMEOUT_SECONDS = 30.0

CHANNEL_SCHEMA = {"channel": pl.String, "url_display": pl.String, "subscribed_at": pl.Datetime("us", "UTC")}
OUTCOME_SCHEMA = {"event_key": pl.String, "channel": pl.String, "ok": pl.Boolean, "error": pl.String,
                  "retry_seconds": pl.Float64}


# --------------------------------------------------------------------------- rules

@dataclass(frozen=True)
class AlertRules:
    """Which events are alerted, and how failed deliveries are retried. Read from settings (radar.toml keys,
    overridden by RADAR_<KEY> environment variables)."""

    types: tuple[str, ...] = ("model_release",)
    orgs: tuple[str, ...] = ()                  # canonical org names; empty means every org
    open_weights_only: bool = False
    min_confidence: float = 0.6
    statuses: tuple[str, ...] = ("done",)       # 'planned' releases and 'reported' rumours are not news yet
    max_age_days: float = 7.0                   # older news first seen now (a newly added feed) is backlog; 0 = off
    retry_base_seconds: float = 60.0
    retry_max_seconds: float = 6 * 3600.0

    @classmethod
    def from_settings(cls, settings: Settings, env: dict[str, str] | None = None) -> "AlertRules":
        env = os.environ if env is None else env
        raw = dict(settings.extra)
        for key in ("alert_types", "alert_orgs", "alert_open_weights_only", "alert_min_confidence",
                    "alert_statuses", "alert_max_age_days", "alert_retry_base_seconds", "alert_retry_max_seconds"):
            if (value := env.get(f"RADAR_{key.upper()}")) is not None:
                raw[key] = value
        default = cls()
        rules = cls(
            types=_names(raw.get("alert_types", default.types), "alert_types"),
            orgs=_names(raw.get("alert_orgs", default.orgs), "alert_orgs", lower=False),
            open_weights_only=_bool(raw.get("alert_open_weights_only", default.open_weights_only)),
            min_confidence=_number(raw.get("alert_min_confidence", default.min_confidence), "alert_min_confidence"),
            statuses=_names(raw.get("alert_statuses", default.statuses), "alert_statuses"),
            max_age_days=_number(raw.get("alert_max_age_days", default.max_age_days), "alert_max_age_days"),
            retry_base_seconds=_number(raw.get("alert_retry_base_seconds", default.retry_base_seconds),
                                       "alert_retry_base_seconds"),
            retry_max_seconds=_number(raw.get("alert_retry_max_seconds", default.retry_max_seconds),
                                      "alert_retry_max_seconds"),
        )
        if unknown := sorted(set(rules.types) - set(EVENT_TYPES)):
            raise ValueError(f"alert_types: unknown event type(s) {unknown}; known: {', '.join(EVENT_TYPES)}")
        if unknown := sorted(set(rules.statuses) - set(EVENT_STATUSES)):
            raise ValueError(f"alert_statuses: unknown status(es) {unknown}; known: {', '.join(EVENT_STATUSES)}")
        if not 0 <= rules.min_confidence <= 1:
            raise ValueError(f"alert_min_confidence must be between 0 and 1, got {rules.min_confidence}")
        return rules

    def params(self) -> dict:
        return {"types": list(self.types), "orgs": [o.lower() for o in self.orgs],
                "open_weights_only": self.open_weights_only, "min_confidence": float(self.min_confidence),
                "statuses": list(self.statuses), "max_age_days": float(self.max_age_days)}

    def retry_seconds(self, attempts_before: int) -> float:
        """Backoff after the (attempts_before + 1)-th failure: base * 2^n capped, with jitter in [50%, 100%]."""
        if self.retry_base_seconds <= 0:
            return 0.0
        delay = min(self.retry_max_seconds, self.retry_base_seconds * 2 ** min(attempts_before, 30))
        return delay / 2 + random.uniform(0, delay / 2)


def _names(value, key: str, lower: bool = True) -> tuple[str, ...]:
    if isinstance(value, str):
        # Org names contain spaces ("Mistral AI"), so only commas separate them; other lists also split on spaces.
        items = value.split(",") if key == "alert_orgs" else re.split(r"[\s,]+", value)
    elif isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
    else:
        raise ValueError(f"{key} must be a list of names, got {value!r}")
    names = [i.strip() for i in items if i.strip()]
    return tuple(n.lower() for n in names) if lower else tuple(names)


def _bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _number(value, key: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{key} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{key} must be finite, got {value!r}")
    return number


# --------------------------------------------------------------------------- channels

def channel_id(url: str) -> str:
    """A stable id for an Apprise URL that does not reveal it (the URL holds tokens and passwords)."""
    return hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:24]


def url_display(url: str) -> str:
    """Scheme and host only, as Apprise prints them with privacy on (tokens in a 'host' come out masked)."""
    scheme = urlsplit(url.strip()).scheme.lower() or "?"
    try:
        import apprise

        plugin = apprise.Apprise.instantiate(url.strip(), suppress_exceptions=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is displayed as its scheme only
        plugin = None
    if not plugin:
        return f"{scheme}:// (invalid)"
    netloc = urlsplit(plugin.url(privacy=True)).netloc.rpartition("@")[2]
    return f"{scheme}://{netloc}"


def configured_channels(settings: Settings) -> dict[str, tuple[str, str]]:
    """channel id -> (url, display) for each configured URL, in order, duplicates dropped."""
    channels: dict[str, tuple[str, str]] = {}
    for url in settings.alert_urls:
        if url.strip():
            channels.setdefault(channel_id(url), (url.strip(), url_display(url)))
    return channels


# --------------------------------------------------------------------------- untrusted text

_ZWSP = "\u200b"
_MD_LINK = re.compile(r"\]\s*\(")
_SPACES = re.compile(r"\s+")


def clean(value, limit: int = 300) -> str:
    """Untrusted text made inert for every Apprise target (Slack, Discord, Teams, e-mail HTML, Markdown, JSON).

    - control and format characters (bidi overrides, zero-width joiners) are dropped, whitespace collapsed;
    - ``<`` and ``>`` become ``‹ ›``: no HTML tags, no Slack control sequences (``<!channel>``, ``<@U1>``,
      ``<url|text>``), no Discord role/user mentions (``<@&1>``), no autolinks;
    - ``@`` is followed by a zero-width space: ``@everyone``, ``@here``, ``@channel`` never notify anyone;
    - ``](`` is broken up: no Markdown links with a hidden target;
    - cut to ``limit`` characters.
    Apprise additionally escapes text for HTML and Markdown targets (we send ``body_format=text``).
    """
    if value is None:
        return ""
    text = "".join(ch for ch in str(value) if unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\t\n")
    text = _SPACES.sub(" ", text).strip()
    text = text.replace("<", "\u2039").replace(">", "\u203a").replace("@", "@" + _ZWSP)
    text = _MD_LINK.sub("] (", text)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return text


def clean_link(url) -> str | None:
    """A source link, only if it is a plain http(s) URL; neutralised like any other text."""
    if not url or not re.match(r"^https?://[^\s<>\"']+$", str(url)):
        return None
    return clean(url, limit=500)


def render(row: dict) -> tuple[str, str]:
    """(title, body) of the alert for one event row (alert_messages.sql)."""
    kind = row["type"]
    org, model = clean(row.get("org"), 80) or "unknown org", clean(row.get("model"), 120)
    if kind == "model_release":
        title = f"New model release: {org} {model}".strip()
    else:
        subject = model or clean(row.get("target") or row.get("partner") or row.get("measure")
                                 or row.get("person") or row.get("matter"), 120)
        title = f"{kind.replace('_', ' ').capitalize()}: {org} {subject}".strip()
    ow = row.get("open_weights")
    lines = [f"Org: {org}"]
    if model or kind == "model_release":
        lines.append(f"Model: {model or 'unknown'}")
    if kind == "model_release":
        lines.append(f"Open weights: {'yes' if ow is True else 'no' if ow is False else 'unknown'}")
        lines.append(f"License: {clean(row.get('license'), 120) or 'unknown'}")
    for key in ("round", "target", "partner", "jurisdiction", "measure", "person", "role", "counterparty",
                "matter", "compared_to"):
        if row.get(key):
            lines.append(f"{key.replace('_', ' ').capitalize()}: {clean(row[key], 120)}")
    if row.get("amount_usd") is not None:
        lines.append(f"Amount: ${row['amount_usd']:,.0f}")
    lines.append(f"Date: {clean(row.get('event_date'), 20) or 'unknown'}")
    lines.append(f"Evidence: \u201c{clean(row.get('evidence'), 500)}\u201d")
    links = [link for link in (clean_link(u) for u in (row.get("sources") or [])) if link][:5]
    lines.append("Sources:" if links else "Sources: none recorded")
    lines += [f"- {link}" for link in links]
    seen = row.get("first_seen_at")
    seen_text = seen.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if isinstance(seen, datetime) else "?"
    lines.append(f"(first seen {seen_text}; {row.get('n_articles') or 0} article(s) from "
                 f"{row.get('n_outlets') or 0} outlet(s); confidence {float(row.get('confidence') or 0):.2f})")
    return title, "\n".join(lines)


# --------------------------------------------------------------------------- SSRF guard on outgoing sockets

@dataclass
class _Guard:
    allowed: frozenset[str]
    refused: list[str] = field(default_factory=list)


_guard: contextvars.ContextVar[_Guard | None] = contextvars.ContextVar("radar_alert_guard", default=None)
_hook_lock = threading.Lock()
_hook_installed = False


def _audit(event: str, args: tuple) -> None:
    if event != "socket.connect":
        return
    guard = _guard.get()
    if guard is None:  # not inside an alert send (Prefect's client, the fetcher, ...): not our business
        return
    address = args[1] if len(args) > 1 else None
    if not isinstance(address, tuple) or not address or not isinstance(address[0], str):
        message = f"refused a non-IP connection ({type(address).__name__}) while sending an alert"
    else:
        host = address[0].split("%", 1)[0]
        try:
            reason = blocked_reason(host)
        except ValueError:
            reason = "not an IP address"
        if reason is None or host in guard.allowed:
            return
        message = (f"refused connection to {host} port {address[1]}: address is {reason} "
                   f"(add the host to allow_hosts to permit it)")
    guard.refused.append(message)
    raise PermissionError(message)


def _install_guard() -> None:
    global _hook_installed
    with _hook_lock:
        if not _hook_installed:
            sys.addaudithook(_audit)  # cannot be removed; costs one string compare per audited event
            # Apprise logs can quote a whole URL (token included), and Prefect stores what reaches the root
            # logger. Its messages still reach us through AppriseResult.logs() and are scrubbed before use.
            logging.getLogger("apprise").propagate = False
            _hook_installed = True


def allowed_addresses(settings: Settings) -> frozenset[str]:
    """The addresses allow_hosts stand for now: literal addresses as given, names resolved."""
    addresses: set[str] = set()
    for host in settings.allow_hosts:
        host = host.strip().strip("[]").lower().rstrip(".")
        try:
            addresses.add(str(ipaddress.ip_address(host)))
            continue
        except ValueError:
            pass
        try:
            addresses.update(a.split("%", 1)[0] for a in resolve(host, 0))
        except OSError:
            continue
    return frozenset(addresses)


def _scrub(message: str, url: str) -> str:
    """Apprise messages can quote the URL; never store or print its secret parts (tokens, passwords, paths).
    A host name with a dot or an IP address is kept: it is what the operator needs to see."""
    host = (urlsplit(url).hostname or "").lower()
    keep = {host} if "." in host or ":" in host else set()
    for part in sorted(set(re.split(r"[/:@?&=#]+", url)), key=len, reverse=True):
        if len(part) >= 6 and part.lower() not in keep and part.lower() not in ("mailto", "mailtos", "localhost"):
            message = message.replace(part, "\u2026")
    return " ".join(message.split())[:500]


def send(url: str, title: str, body: str, settings: Settings, allowed: frozenset[str] | None = None,
         timeout: float = SEND_TIMEOUT_SECONDS) -> tuple[bool, str | None]:
    """Send one message to one Apprise URL. (ok, error); never raises for a delivery problem."""
    import apprise

    _install_guard()
    notifier = apprise.Apprise()
    if not notifier.add(url):
        return False, "not a valid Apprise URL (unknown scheme or missing parts)"
    guard = _Guard(allowed if allowed is not None else allowed_addresses(settings))
    token = _guard.set(guard)
    try:
        result = notifier.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT, timeout=timeout)
    except Exception as exc:  # noqa: BLE001 - a crashing plugin is a failed delivery, retried later
        return False, _scrub(f"{type(exc).__name__}: {exc}", url)
    finally:
        _guard.reset(token)
    if not result:  # AppriseResult: falsy on failure, but never `== False`
        detail = "; ".join(dict.fromkeys(guard.refused)) or "; ".join(
            dict.fromkeys(entry.message for entry in result.logs()))
        return False, _scrub(f"{result.status.name if hasattr(result.status, 'name') else result.status}: "
                             f"{detail or 'delivery failed'}", url)
    return True, None


# --------------------------------------------------------------------------- the outbox

def _execute(con, statement: str, incoming: pl.DataFrame | None = None, params: dict | None = None) -> list[tuple]:
    if incoming is not None:
        con.register("incoming", incoming)
    rows = con.execute(db.sql_text(statement), params or {}).fetchall()
    if incoming is not None:
        con.unregister("incoming")
    return rows


def _subscription_start(con, run_id: str | None) -> datetime:
    """When a channel first configured in this run starts: at the start of this run if the warehouse already
    had a completed run (this run's finds are news), else now (the first run only loads history)."""
    now = datetime.now(timezone.utc)
    if not run_id:
        return now
    row = con.execute(
        "select r.started_at from ops.runs r where r.run_id = ? and exists ("
        " select 1 from ops.runs p where p.status = 'completed' and p.run_id <> r.run_id"
        " and p.started_at < r.started_at)", [run_id]).fetchall()
    return row[0][0] if row else now


def enqueue(db_path: Path | str, settings: Settings, rules: AlertRules | None = None,
            run_id: str | None = None) -> int:
    """Register the configured channels and queue the events they should hear about; returns rows queued."""
    rules = rules or AlertRules.from_settings(settings)
    channels = configured_channels(settings)
    if not channels:
        return 0
    with db.writing(db_path) as con:
        start = _subscription_start(con, run_id)
        frame = pl.DataFrame([{"channel": c, "url_display": d, "subscribed_at": start}
                              for c, (_, d) in channels.items()], schema=CHANNEL_SCHEMA)
        _execute(con, "alert_subscribe", frame)
        rows = _execute(con, "alert_enqueue", frame.select("channel"), rules.params())
    return int(rows[0][0]) if rows else 0


def claim(db_path: Path | str, channels: list[str]) -> tuple[str, list[dict]]:
    """Claim the due rows of these channels for one sender; returns (claim id, message rows)."""
    claim_id = uuid.uuid4().hex
    if not channels:
        return claim_id, []
    with db.writing(db_path) as con:
        claimed = _execute(con, "alert_claim", pl.DataFrame({"channel": channels}, schema={"channel": pl.String}),
                           {"claim_id": claim_id, "stale_seconds": float(CLAIM_STALE_SECONDS)})
        if not claimed:
            return claim_id, []
        rows = db.frame(con, db.sql_text("alert_messages"), {"claim_id": claim_id}).to_dicts()
    return claim_id, rows


def record(db_path: Path | str, claim_id: str, outcomes: list[dict]) -> None:
    if outcomes:
        with db.writing(db_path) as con:
            _execute(con, "alert_record", pl.DataFrame(outcomes, schema=OUTCOME_SCHEMA), {"claim_id": claim_id})


def deliver(db_path: Path | str, settings: Settings, run_id: str | None = None, log=None) -> dict:
    """Queue new matching events for every configured channel and send what is due. Returns counts and, under
    'alerted', one row per event delivered to at least one channel in this call."""
    rules = AlertRules.from_settings(settings)
    channels = configured_channels(settings)
    counts = {"n_channels": len(channels), "n_queued": 0, "n_due": 0, "n_sent": 0, "n_failed": 0, "alerted": []}
    if not channels:
        return counts
    counts["n_queued"] = enqueue(db_path, settings, rules, run_id)
    claim_id, rows = claim(db_path, list(channels))
    counts["n_due"] = len(rows)
    allowed = allowed_addresses(settings)
    alerted: dict[str, dict] = {}
    for row in rows:
        url, display = channels[row["channel"]]
        title, body = render(row)
        ok, error = send(url, title, body, settings, allowed)
        retry = 0.0 if ok else rules.retry_seconds(row["attempts"])
        # Record each outcome at once: a crash later in this loop cannot cause a resend of this one.
        record(db_path, claim_id, [{"event_key": row["event_key"], "channel": row["channel"], "ok": ok,
                                    "error": error, "retry_seconds": retry}])
        if ok:
            counts["n_sent"] += 1
            entry = alerted.setdefault(row["event_key"], {
                "type": row["type"], "org": clean(row["org"], 80), "model": clean(row["model"], 120),
                "open_weights": row["open_weights"], "license": clean(row["license"], 120),
                "date": clean(row["event_date"], 20), "channels": []})
            entry["channels"].append(display)
        else:
            counts["n_failed"] += 1
            if log:
                log(f"alert for {row['event_key']} to {display} failed (attempt {row['attempts'] + 1}, "
                    f"retry in {retry:.0f} s): {error}")
    counts["alerted"] = [{**v, "channels": ", ".join(v["channels"])} for v in alerted.values()]
    return counts


def send_test(settings: Settings) -> list[dict]:
    """A test message to every configured URL: [{channel, url, ok, error}]."""
    allowed = allowed_addresses(settings)
    title = "AI Industry Radar: test alert"
    body = ("This is a test message from `radar alerts test`. Alerts for new model releases will look like "
            "this channel's next message.")
    results = []
    for channel, (url, display) in configured_channels(settings).items():
        ok, error = send(url, title, body, settings, allowed)
        results.append({"channel": channel, "url": display, "ok": ok, "error": error})
    return results


def outbox(db_path: Path | str, status: str | None = None, limit: int = 100) -> pl.DataFrame:
    if status is not None and status not in ALERT_STATUSES:
        raise ValueError(f"unknown status {status!r}: use one of {', '.join(ALERT_STATUSES)}")
    return db.query(db_path, db.sql_text("alert_list"), {"status": status, "limit": int(limit)})

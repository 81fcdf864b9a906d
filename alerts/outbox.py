"""Alerts: an outbox of (event, channel) rows in ops.alerts, delivered through Apprise. The rules, the messages,
the address guard and the sending are here; every read and write of the outbox is in warehouse/alerts.py.

One run of :func:`deliver`:

1. registers every configured Apprise URL as a *channel* (``ops.alert_channels``; a hash of the URL, never the
   URL itself) with the time its subscription started;
2. queues, in one short transaction, the events that match the alert rules and were first seen after the
   channel subscribed (so subscribing over an existing warehouse does not flood anyone with its backlog);
3. claims the due rows (pending, or failed with their backoff elapsed) in a second short transaction,
   sends them with no database connection open, and records each outcome in its own transaction.

A row is marked ``sent`` only when Apprise reports success. A failure keeps it ``failed`` with
``attempts + 1`` and a later ``next_attempt_at`` (exponential backoff with jitter); it is retried for as long
as the channel stays configured, so a reported failure is never lost (at least once: a receiver that got the
message but answered too late sees it again). The claim (``status = 'sending'``) keeps two senders from sending
the same row. A claim older than ``AlertRules.claim_stale_seconds`` belongs to a sender that died during the send:
the receiver may have the message, so the row becomes ``unknown`` and is never sent again automatically (at most
once across crashes); :func:`resend` sends it again on purpose. Generic webhooks carry an idempotency key
(``X-Radar-Alert-Id``, warehouse.alerts.alert_id), the same on every retry and resend, so receivers can drop repeats.

Outgoing traffic passes the same address rule as fetching (sources/http.py): every address Apprise connects or
sends a datagram to must be globally routable unless it is one that ``settings.allow_hosts`` names. The check
sits on the sockets themselves (a ``sys.addaudithook`` hook on connect, sendto and sendmsg, scoped by a context
variable to the sending call and its worker threads), so it holds for every Apprise service, redirects and DNS
answers included; raw sockets and new processes are refused while sending. Services that deliver without Python
sockets (desktop notifications, local syslog, custom plugins) cannot be checked and are refused at configuration
time (:func:`check_alert_urls`).

Alert text comes from untrusted feeds: :func:`clean` neutralises markup and mentions before anything is sent.
"""
from __future__ import annotations

import contextlib
import contextvars
import hashlib
import ipaddress
import logging
import math
import os
import random
import re
import socket
import sys
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from config.settings import Settings
from sources.http import blocked_reason, resolve
from transforms.taxonomy import TAXONOMY
from warehouse import alerts as outbox_table

EVENT_TYPES = tuple(TAXONOMY.names)  # transforms/taxonomy.toml
# The types alerted unless alert_types says otherwise (taxonomy.toml, alerts = true).
DEFAULT_ALERT_TYPES = tuple(t.name for t in TAXONOMY.types.values() if t.alerts)
EVENT_STATUSES = ("done", "planned", "reported")
SEND_TIMEOUT_SECONDS = 30.0
ALERT_ID_HEADER = "X-Radar-Alert-Id"   # the idempotency key webhooks receive: stable across retries and resends
ALERT_ID_FIELD = "radar_alert_id"      # the same key as a field of a json:// payload


# --------------------------------------------------------------------------- rules

@dataclass(frozen=True)
class AlertRules:
    """Which events are alerted, and how failed deliveries are retried. Read from settings (radar.toml keys,
    overridden by RADAR_<KEY> environment variables)."""

    types: tuple[str, ...] = DEFAULT_ALERT_TYPES
    orgs: tuple[str, ...] = ()                  # canonical org names; empty means every org
    open_weights_only: bool = False
    min_confidence: float = 0.6
    statuses: tuple[str, ...] = ("done",)       # 'planned' releases and 'reported' rumours are not news yet
    max_age_days: float = 7.0                   # older news first seen now (a newly added feed) is backlog; 0 = off
    retry_base_seconds: float = 60.0
    retry_max_seconds: float = 6 * 3600.0
    # A 'sending' row older than this belongs to a sender that died mid-send; it becomes 'unknown', never resent
    # automatically. Keep it well above SEND_TIMEOUT_SECONDS: a live but slow sender taken for dead leaves its row
    # 'unknown' until it records the outcome.
    claim_stale_seconds: float = 15 * 60.0

    @classmethod
    def from_settings(cls, settings: Settings, env: Mapping[str, str] | None = None) -> AlertRules:
        env = os.environ if env is None else env
        raw = dict(settings.extra)
        for key in ("alert_types", "alert_orgs", "alert_open_weights_only", "alert_min_confidence",
                    "alert_statuses", "alert_max_age_days", "alert_retry_base_seconds", "alert_retry_max_seconds",
                    "alert_claim_stale_seconds"):
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
            claim_stale_seconds=_number(raw.get("alert_claim_stale_seconds", default.claim_stale_seconds),
                                        "alert_claim_stale_seconds"),
        )
        if unknown := sorted(set(rules.types) - set(EVENT_TYPES)):
            raise ValueError(f"alert_types: unknown event type(s) {unknown}; known: {', '.join(EVENT_TYPES)}")
        if unknown := sorted(set(rules.statuses) - set(EVENT_STATUSES)):
            raise ValueError(f"alert_statuses: unknown status(es) {unknown}; known: {', '.join(EVENT_STATUSES)}")
        if not 0 <= rules.min_confidence <= 1:
            raise ValueError(f"alert_min_confidence must be between 0 and 1, got {rules.min_confidence}")
        if rules.claim_stale_seconds <= 0:
            raise ValueError(f"alert_claim_stale_seconds must be positive, got {rules.claim_stale_seconds}")
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


# Apprise services that deliver on this machine, not through Python sockets: the address policy cannot see
# where they send (or they reach local daemons, devices or programs), so they are refused at configuration time.
UNCHECKED_SERVICES = {
    "dbus": "shows a desktop notification over D-Bus",
    "glib": "shows a desktop notification over D-Bus",
    "gnome": "shows a GNOME desktop notification",
    "macosx": "runs a local program to show a macOS notification",
    "windows": "shows a Windows desktop notification",
    "syslog": "writes to this machine's syslog through libc; rsyslog://HOST reaches a syslog server and is checked",
    "blink1": "drives a USB light",
}


def unchecked_reason(url: str) -> str | None:
    """Why an Apprise URL cannot be used under the address policy, or None. Unknown or malformed URLs are left to
    :func:`send`, which reports them per channel."""
    from apprise.manager_plugins import NotificationManager

    scheme = url.strip().partition("://")[0].lower()
    plugins = NotificationManager()
    if not scheme or scheme not in plugins:
        return None
    module = plugins[scheme].__module__
    if not module.startswith("apprise.plugins."):
        return "a custom Apprise plugin: its own code decides how and where it sends"
    return UNCHECKED_SERVICES.get(module.split(".")[2])


def check_alert_urls(urls) -> None:
    """Refuse, with one message naming each, the configured URLs whose delivery the address policy cannot check."""
    problems = [f"{u.strip().partition('://')[0].lower()}:// ({reason})"
                for u in urls if u.strip() and (reason := unchecked_reason(u))]
    if problems:
        raise ValueError("alert_urls: refused, because the address policy (allow_hosts) cannot check where they "
                         "send: " + "; ".join(problems) + ". Remove them; docs/operating.md lists what is refused.")


def configured_channels(settings: Settings) -> dict[str, tuple[str, str]]:
    """channel id -> (url, display) for each configured URL, in order, duplicates dropped. Raises ValueError if
    a URL's delivery cannot be checked by the address policy."""
    check_alert_urls(settings.alert_urls)
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


# The typed fields `render` knows: it shows them in its own words, or leaves them out (pct, valuation, investors).
KNOWN_FIELDS = {"open_weights", "license", "amount_usd", "round", "valuation_usd", "investors", "target", "partner",
                "pct", "jurisdiction", "measure", "person", "role", "counterparty", "matter", "compared_to"}


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
    # a typed field of a type declared in transforms/taxonomy.toml that this message does not know
    declared = TAXONOMY.types.get(kind) if isinstance(kind, str) else None
    for key in declared.fields if declared else ():
        if key not in KNOWN_FIELDS and row.get(key) is not None:
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


# What the guard watches while a message is sent. Every way Python code reaches the network ends in one of the
# socket events (CPython audits connect, sendto and sendmsg with the target address, and the creation of every
# socket); a new process could reach it some other way, so starting one is refused outright.
_TARGET_EVENTS = {"socket.connect": "connection", "socket.sendto": "datagram", "socket.sendmsg": "datagram"}
_PROCESS_EVENTS = frozenset({"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                             "os.forkpty"})
_WATCHED = frozenset(_TARGET_EVENTS) | _PROCESS_EVENTS | {"socket.__new__"}
_SOCKET_FAMILIES = (socket.AF_INET, socket.AF_INET6, socket.AF_UNIX)  # AF_UNIX: asyncio's self-pipe; its
# connects and sends name a path, not an (address, port), and are refused below


def _refusal(kind: str, address, allowed: frozenset[str]) -> str | None:
    """Why a connection or datagram to ``address`` must not happen, or None if every address it stands for is
    globally routable or allow-listed. A host name (sendto takes one and resolves it itself) is judged by every
    address it resolves to, like a feed's host in the fetcher."""
    if not (isinstance(address, tuple) and len(address) >= 2 and isinstance(address[0], str)):
        return f"refused a {kind} to a non-IP address ({type(address).__name__}) while sending an alert"
    host, port = address[0].split("%", 1)[0], address[1]
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = [a.split("%", 1)[0] for a in resolve(host, port or 0)]
        except (OSError, UnicodeError) as exc:
            return f"refused a {kind} to {host} port {port}: cannot resolve it ({exc})"
    for ip in addresses:
        reason = blocked_reason(ip)
        if reason and ip not in allowed:
            shown = host if ip == host else f"{host} ({ip})"
            return (f"refused {kind} to {shown} port {port}: address is {reason} "
                    f"(add the host to allow_hosts to permit it)")
    return None


def _audit(event: str, args: tuple) -> None:
    if event not in _WATCHED:  # the hook sees every audited event in the process: leave fast
        return
    guard = _guard.get()
    if guard is None:  # not inside an alert send (Prefect's client, the fetcher, ...): not our business
        return
    if event in _TARGET_EVENTS:
        address = args[1] if len(args) > 1 else None
        if event == "socket.sendmsg" and address is None:
            return  # a connected socket: its connect was checked
        message = _refusal(_TARGET_EVENTS[event], address, guard.allowed)
    elif event == "socket.__new__":
        family, kind = args[1], args[2]
        if family in _SOCKET_FAMILIES and kind & 0xF != socket.SOCK_RAW:
            return
        message = f"refused a raw or non-IP socket (family {family}, type {kind}) while sending an alert"
    else:
        message = f"refused to start a process ({event}) while sending an alert: only checked sockets may be used"
    if message is None:
        return
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


@contextlib.contextmanager
def guarded(allowed: frozenset[str]):
    """Inside this block (and in worker threads started from it with its context, as Apprise's are), sockets may
    reach only globally routable or ``allowed`` addresses and no process may be started: anything else raises
    PermissionError at the call, recorded in the yielded guard's ``refused``."""
    _install_guard()
    guard = _Guard(allowed)
    token = _guard.set(guard)
    try:
        yield guard
    finally:
        _guard.reset(token)


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


def _with_idempotency_key(plugin, key: str) -> None:
    """Give a generic webhook the alert's idempotency key: a header (json, form, xml) and a JSON field, the same
    on every retry and resend of this (event, channel), so a receiver can drop repeats."""
    from apprise.plugins.custom_form import NotifyForm
    from apprise.plugins.custom_json import NotifyJSON
    from apprise.plugins.custom_xml import NotifyXML

    if isinstance(plugin, (NotifyJSON, NotifyForm, NotifyXML)):
        plugin.headers[ALERT_ID_HEADER] = key
    if isinstance(plugin, NotifyJSON):
        plugin.payload_extras[ALERT_ID_FIELD] = key


def send(url: str, title: str, body: str, settings: Settings, allowed: frozenset[str] | None = None,
         timeout: float = SEND_TIMEOUT_SECONDS, idempotency_key: str | None = None) -> tuple[bool, str | None]:
    """Send one message to one Apprise URL. (ok, error); never raises for a delivery problem."""
    import apprise

    _install_guard()
    if reason := unchecked_reason(url):
        return False, f"refused: this URL {reason}, which the address policy cannot check"
    plugin = apprise.Apprise.instantiate(url, suppress_exceptions=True)
    if not plugin:
        return False, "not a valid Apprise URL (unknown scheme or missing parts)"
    if idempotency_key:
        _with_idempotency_key(plugin, idempotency_key)
    notifier = apprise.Apprise()
    notifier.add(plugin)
    try:
        with guarded(allowed if allowed is not None else allowed_addresses(settings)) as guard:
            result = notifier.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT, timeout=timeout)
    except Exception as exc:  # noqa: BLE001 - a crashing plugin is a failed delivery, retried later
        return False, _scrub(f"{type(exc).__name__}: {exc}", url)
    if not result:  # AppriseResult: falsy on failure, but never `== False`
        detail = "; ".join(dict.fromkeys(guard.refused)) or "; ".join(
            dict.fromkeys(entry.message for entry in result.logs()))
        return False, _scrub(f"{result.status.name if hasattr(result.status, 'name') else result.status}: "
                             f"{detail or 'delivery failed'}", url)
    return True, None


# --------------------------------------------------------------------------- the outbox

def enqueue(db_path: Path | str, settings: Settings, rules: AlertRules | None = None,
            run_id: str | None = None) -> int:
    """Register the configured channels and queue the events they should hear about; returns rows queued."""
    rules = rules or AlertRules.from_settings(settings)
    channels = configured_channels(settings)
    if not channels:
        return 0
    return outbox_table.enqueue(db_path, {c: display for c, (_, display) in channels.items()}, rules.params(), run_id)


def _send_claimed(db_path: Path | str, claim_id: str, rows: list[dict], channels: dict[str, tuple[str, str]],
                  settings: Settings, rules: AlertRules, log=None) -> tuple[list[dict], list[dict]]:
    """Send each claimed row and record its outcome at once. Returns (rows sent, rows failed), each with its
    channel's display and, when failed, the error."""
    allowed = allowed_addresses(settings)
    sent: list[dict] = []
    failed: list[dict] = []
    for row in rows:
        url, display = channels[row["channel"]]
        title, body = render(row)
        ok, error = send(url, title, body, settings, allowed, idempotency_key=row["alert_id"])
        retry = 0.0 if ok else rules.retry_seconds(row["attempts"])
        # Record each outcome at once: a crash later in this loop leaves only the row being sent in doubt.
        outbox_table.record(db_path, claim_id, [{"event_key": row["event_key"], "channel": row["channel"], "ok": ok,
                                    "error": error, "retry_seconds": retry}])
        (sent if ok else failed).append({**row, "display": display, "error": error})
        if not ok and log:
            log(f"alert {row['alert_id']} ({row['event_key']}) to {display} failed (attempt {row['attempts'] + 1}, "
                f"retry in {retry:.0f} s): {error}")
    return sent, failed


def _log_unknown(expired: list[dict], log) -> None:
    for row in expired:
        log(f"alert {row['alert_id']} ({row['event_key']}) was being sent when its sender stopped (started "
            f"{row['claimed_at']:%Y-%m-%d %H:%M:%S %Z}): it may have been delivered, so it is not sent again "
            f"automatically; status 'unknown'. `radar alerts resend {row['alert_id']}` sends it again.")


def deliver(db_path: Path | str, settings: Settings, run_id: str | None = None, log=None) -> dict:
    """Queue new matching events for every configured channel and send what is due. Returns counts and, under
    'alerted', one row per event delivered to at least one channel in this call. n_unknown counts the rows a
    dead sender left mid-send, found by this call and marked 'unknown' (never resent automatically)."""
    rules = AlertRules.from_settings(settings)
    channels = configured_channels(settings)
    counts = {"n_channels": len(channels), "n_queued": 0, "n_due": 0, "n_sent": 0, "n_failed": 0, "n_unknown": 0,
              "alerted": []}
    if not channels:
        return counts
    counts["n_queued"] = enqueue(db_path, settings, rules, run_id)
    claim_id, rows, expired = outbox_table.claim(db_path, list(channels), rules.claim_stale_seconds)
    counts["n_due"], counts["n_unknown"] = len(rows), len(expired)
    if log:
        _log_unknown(expired, log)
    sent, failed = _send_claimed(db_path, claim_id, rows, channels, settings, rules, log)
    counts["n_sent"], counts["n_failed"] = len(sent), len(failed)
    alerted: dict[str, dict] = {}
    for row in sent:
        entry = alerted.setdefault(row["event_key"], {
            "type": row["type"], "org": clean(row["org"], 80), "model": clean(row["model"], 120),
            "open_weights": row["open_weights"], "license": clean(row["license"], 120),
            "date": clean(row["event_date"], 20), "channels": []})
        entry["channels"].append(row["display"])
    counts["alerted"] = [{**v, "channels": ", ".join(v["channels"])} for v in alerted.values()]
    return counts


def resend(db_path: Path | str, settings: Settings, id_prefix: str) -> dict:
    """Send one alert again on purpose: above all an 'unknown' one (its sender died mid-send), also a failed,
    pending or sent one. ``id_prefix`` is the id `radar alerts list` shows, or a unique prefix of it (at least 4
    hex digits). Its channel's URL must be configured (only a hash of it is stored). Webhooks get the same
    idempotency key as before, so a receiver that already has the alert can drop it.

    Returns {alert_id, status_before, channel_url, ok, error}; raises ValueError for an id that names no row,
    several rows, a row being sent right now, or a channel that is not configured."""
    prefix = id_prefix.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{4,16}", prefix):
        raise ValueError(f"{id_prefix!r} is not an alert id: 4 to 16 hex digits, as `radar alerts list` shows")
    rules = AlertRules.from_settings(settings)
    channels = configured_channels(settings)
    matches = outbox_table.find(db_path, prefix, rules.claim_stale_seconds)
    if len(matches) != 1:
        raise ValueError(f"no alert has id {prefix}" if not matches else
                         f"{prefix} matches several alerts ({', '.join(m['alert_id'] for m in matches[:5])}): "
                         "give more digits")
    target = matches[0]
    if target["channel"] not in channels:
        raise ValueError(f"alert {target['alert_id']} goes to {target['channel_url'] or target['channel']}, "
                         "which is not in alert_urls now: only a hash of the URL is stored, so configure it "
                         "again to resend")
    claimed = outbox_table.claim_one(db_path, target["event_key"], target["channel"])
    if claimed is None:
        since = f" (since {target['claimed_at']:%Y-%m-%d %H:%M:%S %Z})" if target["claimed_at"] else ""
        raise ValueError(f"alert {target['alert_id']} is being sent right now{since}; wait for that send to end")
    claim_id, rows = claimed
    if not rows:
        raise ValueError(f"alert {target['alert_id']}: its event {target['event_key']} is not in core.events")
    sent, failed = _send_claimed(db_path, claim_id, rows, channels, settings, rules)
    outcome = (sent or failed)[0]
    return {"alert_id": target["alert_id"], "status_before": target["status"], "channel_url": outcome["display"],
            "ok": bool(sent), "error": outcome["error"]}


def send_test(settings: Settings) -> list[dict]:
    """A test message to every configured URL: [{channel, url, ok, error}]."""
    allowed = allowed_addresses(settings)
    title = "AI Industry Radar: test alert"
    body = ("This is a test message from `radar alerts test`. Alerts for new model releases will look like "
            "this channel's next message.")
    results = []
    for channel, (url, display) in configured_channels(settings).items():
        ok, error = send(url, title, body, settings, allowed)  # no alert id: a test is not an alert
        results.append({"channel": channel, "url": display, "ok": ok, "error": error})
    return results


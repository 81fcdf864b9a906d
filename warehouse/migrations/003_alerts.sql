-- Alert outbox: one row per (event, channel), written by radar/alerts.py (flows/alert.py).
-- A channel is one Apprise URL, identified by a hash of the URL: the URL itself (which carries tokens and
-- passwords) is never stored; url_display keeps only its scheme and host.
create table if not exists ops.alert_channels (
    channel        varchar primary key,        -- sha256 of the Apprise URL, 24 hex chars
    url_display    varchar not null,           -- e.g. 'json://hooks.example.com', 'slack://', never secrets
    subscribed_at  timestamptz not null,       -- events first seen before this are backlog, never alerted
    last_seen_at   timestamptz not null        -- last run that had this URL configured
);

create table if not exists ops.alerts (
    event_key        varchar not null,
    channel          varchar not null,
    status           varchar not null,         -- pending | sending | sent | failed
    attempts         integer not null default 0,
    last_error       varchar,
    next_attempt_at  timestamptz not null,     -- exponential backoff with jitter after a failure
    claim_id         varchar,                  -- the sender that holds a 'sending' row
    claimed_at       timestamptz,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    primary key (event_key, channel)
);

-- Raw landing tables, canonical events, operations bookkeeping.
create schema if not exists raw;
create schema if not exists core;
create schema if not exists ops;
create schema if not exists marts;

create table if not exists raw.feeds (
    feed_url             varchar primary key,
    name                 varchar,
    title                varchar,
    etag                 varchar,
    last_modified        varchar,
    health               varchar not null default 'new',   -- new | ok | degraded | dead
    consecutive_failures integer not null default 0,
    last_error           varchar,
    last_status          integer,
    n_entries_last       integer,
    last_fetched_at      timestamptz,
    last_ok_at           timestamptz,
    added_at             timestamptz not null default now()
);

-- Every HTTP attempt, successful or not.
create table if not exists raw.fetches (
    fetch_id    varchar primary key,
    run_id      varchar not null,
    kind        varchar not null,          -- feed | article
    url         varchar not null,
    final_url   varchar,
    status      integer,
    n_bytes     bigint,
    elapsed_ms  integer,
    error_kind  varchar,
    error       varchar,
    fetched_at  timestamptz not null
);

create table if not exists raw.entries (
    entry_id      varchar primary key,     -- hash of feed url + guid
    feed_url      varchar not null,
    guid          varchar,
    url           varchar not null,
    title         varchar,
    summary       varchar,
    published_at  timestamptz,
    first_seen_at timestamptz not null,
    run_id        varchar not null
);

create table if not exists raw.articles (
    article_id   varchar primary key,      -- hash of the canonical url
    url          varchar not null,
    feed_url     varchar,
    title        varchar,
    published_at timestamptz,
    text         varchar not null,
    text_sha     varchar not null,
    lang         varchar,
    site_name    varchar,
    fetched_at   timestamptz not null,
    run_id       varchar not null
);

create table if not exists core.mentions (
    mention_id        varchar primary key,
    article_id        varchar not null,
    type              varchar not null,
    org               varchar,
    model             varchar,
    event_date        varchar,
    evidence          varchar not null,
    confidence        double not null,
    status            varchar not null,
    event_key         varchar not null,
    extractor_version varchar not null,
    open_weights      boolean,
    license           varchar,
    amount_usd        double,
    round             varchar,
    valuation_usd     double,
    investors         varchar,
    target            varchar,
    partner           varchar,
    pct               double,
    jurisdiction      varchar,
    measure           varchar,
    person            varchar,
    role              varchar,
    counterparty      varchar,
    matter            varchar,
    compared_to       varchar,
    extracted_at      timestamptz not null,
    run_id            varchar not null
);

-- One row per real-world event, merged from its mentions (see warehouse/sql/merge_events.sql).
create table if not exists core.events (
    event_key      varchar primary key,
    type           varchar not null,
    org            varchar,
    model          varchar,
    event_date     varchar,
    status         varchar not null,
    open_weights   boolean,
    license        varchar,
    amount_usd     double,
    round          varchar,
    valuation_usd  double,
    investors      varchar,
    target         varchar,
    partner        varchar,
    pct            double,
    jurisdiction   varchar,
    measure        varchar,
    person         varchar,
    role           varchar,
    counterparty   varchar,
    matter         varchar,
    compared_to    varchar,
    evidence       varchar not null,
    confidence     double not null,
    first_seen_at  timestamptz not null,
    last_seen_at   timestamptz not null,
    n_mentions     integer not null,
    n_articles     integer not null,
    n_outlets      integer not null,
    updated_at     timestamptz not null
);

create table if not exists ops.runs (
    run_id         varchar primary key,
    flow_run_id    varchar,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    status         varchar not null,       -- running | completed | failed
    n_feeds        integer,
    n_feeds_failed integer,
    n_entries_new  integer,
    n_articles_new integer,
    n_mentions_new integer,
    n_events_new   integer,
    n_quarantined  integer,
    error          varchar
);

-- Rows that failed validation, keyed so a rerun does not add the same failure twice.
create table if not exists ops.quarantine (
    table_name    varchar not null,
    row_key       varchar not null,
    expectations  varchar not null,
    row_json      varchar,
    run_id        varchar not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    n_seen        integer not null default 1,
    primary key (table_name, row_key)
);

-- Distributed mode (docs/scale-out.md): workers land batches in Delta tables (warehouse/landing.py); the merger
-- (flows/merge.py) applies them here. What it merged is recorded in the same transaction as the rows themselves,
-- so a merge killed midway leaves nothing and a batch is never applied twice.

-- Every merge: which landing root, and the version of its markers table ("batches") it read.
create table if not exists ops.landing_merges (
    merge_id         varchar primary key,
    landing_root     varchar not null,
    markers_version  bigint not null,
    merged_at        timestamptz not null,
    n_batches        integer not null,
    n_articles_new   integer,
    n_mentions_new   integer,
    n_events_new     integer,
    n_quarantined    integer
);

-- Every landed batch merged, with the attempt whose rows were taken.
create table if not exists ops.landing_batches (
    run_id        varchar not null,
    batch_id      varchar not null,
    attempt       varchar not null,
    landing_root  varchar not null,
    written_at    timestamptz not null,
    merged_at     timestamptz not null,
    merge_id      varchar not null,
    primary key (run_id, batch_id)
);

-- Backfill: a run says what it was (a live poll or a backfill of one source), and events that a backfill found
-- first are held back from alerts (old news is not news), unless the backfill was asked to alert.
alter table ops.runs add column if not exists kind varchar default 'poll';
alter table ops.runs add column if not exists source varchar;

create table if not exists ops.alert_holds (
    event_key varchar primary key,
    reason    varchar not null,
    run_id    varchar not null,
    held_at   timestamptz not null
);

-- Politeness state: when each feed is next due, and Retry-After windows per registrable domain.
alter table raw.feeds add column if not exists next_due_at timestamptz;

create table if not exists raw.rate_limits (
    domain      varchar primary key,   -- registrable domain, e.g. example.co.uk
    until_at    timestamptz not null,
    reason      varchar,
    updated_at  timestamptz not null
);

create or replace view marts.feed_health as
select f.feed_url, f.name, f.title, f.health, f.consecutive_failures, f.last_status, f.last_error,
       f.n_entries_last, f.last_fetched_at, f.last_ok_at, f.next_due_at,
       (select count(*) from raw.entries e where e.feed_url = f.feed_url) as n_entries
from raw.feeds f;

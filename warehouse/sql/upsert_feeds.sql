-- Feed state after a poll: conditional-GET validators and health. `incoming` is one row per polled feed.
insert into raw.feeds by name
select feed_url, name, title, etag, last_modified, health, consecutive_failures, last_error,
       last_status, n_entries_last, last_fetched_at, last_ok_at, next_due_at
from incoming
on conflict (feed_url) do update set
    name = coalesce(excluded.name, raw.feeds.name),
    title = coalesce(excluded.title, raw.feeds.title),
    etag = coalesce(excluded.etag, raw.feeds.etag),
    last_modified = coalesce(excluded.last_modified, raw.feeds.last_modified),
    health = excluded.health,
    consecutive_failures = excluded.consecutive_failures,
    last_error = excluded.last_error,
    last_status = excluded.last_status,
    n_entries_last = coalesce(excluded.n_entries_last, raw.feeds.n_entries_last),
    last_fetched_at = excluded.last_fetched_at,
    last_ok_at = coalesce(excluded.last_ok_at, raw.feeds.last_ok_at),
    next_due_at = excluded.next_due_at;

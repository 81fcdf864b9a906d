-- Register the configured channels (`incoming`: channel, url_display, subscribed_at). A known channel keeps its
-- subscription start, so a restart never re-opens the backlog.
insert into ops.alert_channels by name
select channel, url_display, subscribed_at, now() as last_seen_at
from incoming
on conflict (channel) do update set
    url_display = excluded.url_display,
    last_seen_at = excluded.last_seen_at;

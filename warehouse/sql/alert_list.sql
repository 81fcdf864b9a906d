-- The outbox for `radar alerts list`, newest first (radar.alerts.outbox adds each row's alert_id).
select a.status, a.attempts, c.url_display as channel_url, a.channel, e.type, e.org, e.model,
       a.created_at, a.claimed_at, a.sent_at, a.next_attempt_at, a.last_error, a.event_key
from ops.alerts a
left join ops.alert_channels c using (channel)
left join core.events e using (event_key)
where $status is null or a.status = $status
order by a.created_at desc, a.event_key, a.channel
limit $limit;

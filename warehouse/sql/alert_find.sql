-- Every outbox row with its channel's display, for `radar alerts resend ID` to find the one whose id (a hash of
-- event_key and channel, radar.alerts.alert_id) starts with ID.
select a.event_key, a.channel, a.status, a.claimed_at, c.url_display as channel_url
from ops.alerts a
left join ops.alert_channels c using (channel);

-- Queue one alert per (event, configured channel) for events that match the alert rules and were first seen
-- after the channel subscribed. Keyed on (event_key, channel): an event already queued, sent or failed for a
-- channel is never queued again. `incoming`: channel. Rules come as parameters.
insert into ops.alerts (event_key, channel, status, attempts, next_attempt_at, created_at)
with candidates as (
    select e.event_key, e.first_seen_at
    from core.events e
    where list_contains($types, e.type)
      and (len($orgs) = 0 or list_contains($orgs, lower(e.org)))
      and (not $open_weights_only or e.open_weights is true)
      and e.confidence >= $min_confidence
      and list_contains($statuses, e.status)
      -- Events a backfill found first are history, not news (radar backfill --alert lifts this).
      and e.event_key not in (select event_key from ops.alert_holds)
      -- News has a shelf life ($max_age_days, 0 = none): an event first seen longer ago than that (rules changed,
      -- a channel re-added) is not queued now, nor is one first seen now from an old article (a newly added
      -- feed carries last year's news). Rows already queued are never dropped.
      and ($max_age_days <= 0 or (
           e.first_seen_at >= now() - to_seconds(cast($max_age_days * 86400 as double))
           -- when the event was published: its earliest supporting article (entry date, else page date)
           and (e.first_published_at is null
                or e.first_published_at >= e.first_seen_at - to_seconds(cast($max_age_days * 86400 as double)))))
),
final as (
    select c.event_key, ch.channel, 'pending' as status, 0 as attempts, now() as next_attempt_at,
           now() as created_at
    from candidates c
    join ops.alert_channels ch on c.first_seen_at >= ch.subscribed_at
    where ch.channel in (select channel from incoming)
)
select * from final
on conflict do nothing;

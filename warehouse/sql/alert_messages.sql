-- What an alert says about each claimed event ($claim_id): the canonical event and its source links, with every
-- typed field (core.typed_fields(): transforms/taxonomy.toml's), so an alert shows a declared type's own fields.
with typed as (
    select event_key, columns(lambda c: list_contains(core.typed_fields(), c)) from core.events
)
select a.event_key, a.channel, a.attempts,
       e.type, e.org, e.model, e.event_date, e.status as event_status,
       t.* exclude (event_key),
       e.evidence, e.confidence, e.first_seen_at, e.n_articles, e.n_outlets, me.sources
from ops.alerts a
join core.events e using (event_key)
join typed t using (event_key)
left join marts.events me using (event_key)
where a.claim_id = $claim_id and a.status = 'sending'
order by e.first_seen_at, a.event_key, a.channel;

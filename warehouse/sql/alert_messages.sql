-- What an alert says about each claimed event ($claim_id): the canonical event and its source links.
select a.event_key, a.channel, a.attempts,
       e.type, e.org, e.model, e.open_weights, e.license, e.event_date, e.status as event_status,
       e.amount_usd, e.round, e.target, e.partner, e.jurisdiction, e.measure, e.person, e.role,
       e.counterparty, e.matter, e.compared_to,
       e.evidence, e.confidence, e.first_seen_at, e.n_articles, e.n_outlets, me.sources
from ops.alerts a
join core.events e using (event_key)
left join marts.events me using (event_key)
where a.claim_id = $claim_id and a.status = 'sending'
order by e.first_seen_at, a.event_key, a.channel;

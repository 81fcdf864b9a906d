-- Rebuild the canonical events whose keys appear in `incoming` (column event_key) from all their mentions: run in
-- the transaction that loads (or reprocesses) a batch, so core.events is always the merge of core.mentions.
-- Typed fields come from the best mention that has them: highest confidence, then earliest seen. The date is the
-- most precise one (day, month, year stated by a text; else the earliest article date), and the event keeps its
-- sources and first publication, so marts and alerts read this table and never regroup mentions.
insert or replace into core.events by name
with touched as (
    select distinct event_key from incoming
),
mentions as (
    select m.*,
           a.fetched_at,
           a.url,
           a.published_at,
           case m.event_date_precision when 'day' then 0 when 'month' then 1 when 'year' then 2 when 'article' then 3
                else 4 end as precision_rank,
           coalesce(a.site_name, regexp_extract(a.url, '^https?://([^/]+)', 1)) as outlet
    from core.mentions m
    join raw.articles a using (article_id)
    where m.event_key in (select event_key from touched)
),
ranked as (
    select *, row_number() over (
        partition by event_key order by confidence desc, fetched_at, mention_id) as rank
    from mentions
),
final as (
    select
        event_key,
        first(type order by rank) as type,
        first(org order by rank) filter (where org is not null) as org,
        first(model order by rank) filter (where model is not null) as model,
        first(event_date order by precision_rank, case when precision_rank = 3 then event_date end, rank)
            filter (where event_date is not null) as event_date,
        first(event_date_precision order by precision_rank, case when precision_rank = 3 then event_date end, rank)
            filter (where event_date is not null) as event_date_precision,
        case when bool_or(status = 'done') then 'done' else first(status order by rank) end as status,
        first(open_weights order by rank) filter (where open_weights is not null) as open_weights,
        first(license order by rank) filter (where license is not null) as license,
        first(amount_usd order by rank) filter (where amount_usd is not null) as amount_usd,
        first(round order by rank) filter (where round is not null) as round,
        first(valuation_usd order by rank) filter (where valuation_usd is not null) as valuation_usd,
        first(investors order by rank) filter (where investors is not null) as investors,
        first(target order by rank) filter (where target is not null) as target,
        first(partner order by rank) filter (where partner is not null) as partner,
        first(pct order by rank) filter (where pct is not null) as pct,
        first(jurisdiction order by rank) filter (where jurisdiction is not null) as jurisdiction,
        first(measure order by rank) filter (where measure is not null) as measure,
        first(person order by rank) filter (where person is not null) as person,
        first(role order by rank) filter (where role is not null) as role,
        first(counterparty order by rank) filter (where counterparty is not null) as counterparty,
        first(matter order by rank) filter (where matter is not null) as matter,
        first(compared_to order by rank) filter (where compared_to is not null) as compared_to,
        first(evidence order by rank) as evidence,
        max(confidence) as confidence,
        min(fetched_at) as first_seen_at,
        max(fetched_at) as last_seen_at,
        count(*) as n_mentions,
        count(distinct article_id) as n_articles,
        count(distinct outlet) as n_outlets,
        list(distinct url order by url) as sources,
        min(published_at) as first_published_at,
        now() as updated_at
    from ranked
    group by event_key
)
select * from final;

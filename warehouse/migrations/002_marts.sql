-- Views analysts query. Each reads core/raw only; none stores data.
create or replace view marts.events as
with mention_sources as (
    select m.event_key,
           list(distinct a.url order by a.url) as sources
    from core.mentions m
    join raw.articles a using (article_id)
    group by m.event_key
),
final as (
    select e.*, s.sources
    from core.events e
    left join mention_sources s using (event_key)
)
select * from final;

create or replace view marts.model_releases as
with releases as (
    select * from marts.events where type = 'model_release' and status = 'done'
),
final as (
    select org, model, open_weights, license,
           event_date as release_date,
           first_seen_at, n_articles, n_outlets, confidence, evidence, sources, event_key
    from releases
)
select * from final order by release_date desc nulls last, org, model;

create or replace view marts.org_activity as
select org, type, count(*) as n_events, min(first_seen_at) as first_seen_at, max(last_seen_at) as last_seen_at
from core.events
where org is not null
group by org, type;

create or replace view marts.feed_health as
select f.feed_url, f.name, f.title, f.health, f.consecutive_failures, f.last_status, f.last_error,
       f.n_entries_last, f.last_fetched_at, f.last_ok_at,
       (select count(*) from raw.entries e where e.feed_url = f.feed_url) as n_entries
from raw.feeds f;

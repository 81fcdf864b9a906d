-- The $n most recent events (by event date) with the articles that report them.
with src as (
    select m.event_key, a.url, any_value(a.title) as title
    from core.mentions m join raw.articles a using (article_id)
    group by m.event_key, a.url
),
sources as (
    select event_key, list({'url': url, 'title': title} order by url) as sources
    from src group by event_key
)
select e.* exclude (sources), s.sources  -- core.events.sources has the urls only; the report shows titles too
from core.events e left join sources s using (event_key)
order by e.event_date desc nulls last, e.first_seen_at desc, e.event_key
limit $n

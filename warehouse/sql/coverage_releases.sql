-- Model releases with the publication time of the earliest article that reported each one.
with first_articles as (
    select event_key, min(published_at) as first_article_at
    from marts.event_mentions
    group by event_key
)
select r.org, r.model, r.release_date, f.first_article_at
from marts.model_releases r
left join first_articles f using (event_key);

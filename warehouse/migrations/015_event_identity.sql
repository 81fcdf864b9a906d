-- Events with identity (transforms/event_identity.py): every mention has a date and its precision, and
-- core.events, the table the merge maintains (warehouse/sql/merge_events.sql), carries its sources and first
-- publication, so marts.events reads it instead of regrouping every mention on every query.
-- Stored rows are upgraded in place: each keeps its event_key (`radar reprocess` re-keys them by the new merge
-- rules), mentions an older extractor left undated get their article's date, and events are dated again.
alter table core.mentions add column if not exists event_date_precision varchar;
alter table core.events add column if not exists event_date_precision varchar;
alter table core.events add column if not exists sources varchar[];
alter table core.events add column if not exists first_published_at timestamptz;

update core.mentions
set event_date_precision = case length(event_date) when 10 then 'day' when 7 then 'month' else 'year' end
where event_date is not null and event_date_precision is null;

update core.mentions m
set event_date = strftime(a.published_at at time zone 'UTC', '%Y-%m-%d'), event_date_precision = 'article'
from raw.articles a
where a.article_id = m.article_id and m.event_date is null and a.published_at is not null;

-- The date, sources and first publication of every event, by the rules of merge_events.sql.
update core.events e
set event_date = f.event_date, event_date_precision = f.event_date_precision, sources = f.sources,
    first_published_at = f.first_published_at
from (
    with mentions as (
        select m.event_key, m.event_date, m.event_date_precision, a.url, a.published_at,
               case m.event_date_precision when 'day' then 0 when 'month' then 1 when 'year' then 2
                    when 'article' then 3 else 4 end as precision_rank,
               row_number() over (partition by m.event_key order by m.confidence desc, a.fetched_at, m.mention_id) as rank
        from core.mentions m
        join raw.articles a using (article_id)
    )
    select event_key,
           first(event_date order by precision_rank, case when precision_rank = 3 then event_date end, rank)
               filter (where event_date is not null) as event_date,
           first(event_date_precision order by precision_rank, case when precision_rank = 3 then event_date end, rank)
               filter (where event_date is not null) as event_date_precision,
           list(distinct url order by url) as sources,
           min(published_at) as first_published_at
    from mentions
    group by event_key
) f
where f.event_key = e.event_key;

-- One row per canonical event: the merge's table as it is.
create or replace view marts.events as select * from core.events;

-- Issue 16 (feed health that tells the truth), numbered after 009 which redefines marts.feed_health: its n_backlog
-- is kept. (Written as part of 007; renumber if 014 is taken.)
-- Per feed: its fetch health, and what became of its last 50 entries. An entry "has page text" when its article's
-- text came from its own page; every other entry counts under a reason: the article's page_error (its text came
-- from the feed), else the last failed fetch of its page, 'quarantined', or 'pending' (not fetched yet).
-- A feed that answers but none of whose tried entries got page text is 'degraded'.
create or replace view marts.feed_health as
with recent as (
    select feed_url, url
    from (select e.feed_url, e.url,
                 row_number() over (partition by e.feed_url
                                    order by e.first_seen_at desc, e.published_at desc nulls last, e.entry_id) as n
          from raw.entries e)
    where n <= 50
),
last_fetch as (
    select url, arg_max(case when error_kind = 'http_status' then 'http_' || status else error_kind end,
                        fetched_at) as reason
    from raw.fetches
    where kind = 'article'
    group by url
),
outcomes as (
    select r.feed_url,
           a.text_source,
           case when a.article_id is not null then a.page_error
                when exists (select 1 from ops.quarantine q where q.table_name = 'articles' and q.row_key = r.url)
                    then 'quarantined'
                else coalesce(lf.reason, 'pending') end as reason
    from recent r
    left join raw.articles a on a.url = r.url
    left join last_fetch lf on lf.url = r.url
),
reasons as (
    select feed_url, reason, count(*) as n from outcomes where reason is not null group by all
),
per_feed as (
    select feed_url,
           count(*) as recent_entries,
           count(text_source) as recent_articles,
           count(*) filter (where text_source = 'page') as n_text_page,
           count(*) filter (where text_source = 'content') as n_text_content,
           count(*) filter (where text_source = 'summary') as n_text_summary,
           count(*) filter (where text_source = 'title') as n_text_title,
           count(*) filter (where text_source is null and reason = 'pending') as n_pending
    from outcomes
    group by feed_url
),
backlog as (  -- 009: entries whose page has not been fetched yet
    select e.feed_url, count(distinct e.url) as n_backlog
    from raw.entries e
    where e.url is not null
      and not exists (select 1 from raw.fetches x where x.kind = 'article' and x.url = e.url)
      and not exists (select 1 from raw.articles a where a.url = e.url)
    group by e.feed_url
),
final as (
    select f.feed_url, f.name, f.title,
           case when f.health = 'ok' and p.n_text_page = 0 and p.recent_entries > p.n_pending then 'degraded'
                else f.health end as health,
           f.health as fetch_health,
           f.consecutive_failures, f.last_status, f.last_error,
           f.n_entries_last, f.last_fetched_at, f.last_ok_at, f.next_due_at,
           (select count(*) from raw.entries e where e.feed_url = f.feed_url) as n_entries,
           coalesce(b.n_backlog, 0) as n_backlog,
           coalesce(p.recent_entries, 0) as recent_entries,
           coalesce(p.recent_articles, 0) as recent_articles,
           round(p.recent_articles / p.recent_entries, 3) as text_share,
           coalesce(p.n_text_page, 0) as n_text_page,
           coalesce(p.n_text_content, 0) as n_text_content,
           coalesce(p.n_text_summary, 0) as n_text_summary,
           coalesce(p.n_text_title, 0) as n_text_title,
           (select string_agg(r.reason || ' ' || r.n, ', ' order by r.n desc, r.reason)
            from reasons r where r.feed_url = f.feed_url) as no_page_text_reasons
    from raw.feeds f
    left join per_feed p using (feed_url)
    left join backlog b using (feed_url)
)
select * from final;

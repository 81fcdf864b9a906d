-- Article urls still worth fetching for the polled feeds (`incoming`: feed_url): stored entries without a stored
-- article, not quarantined, not permanently failed, under the attempt limit. Reading stored entries, not just this
-- poll's, means a run killed after saving entries loses nothing: the next run fetches what it left.
with candidates as (
    select distinct on (e.url) e.url, e.feed_url, e.title, e.published_at
    from raw.entries e
    where e.feed_url in (select feed_url from incoming)
    order by e.url, e.published_at desc nulls last, e.feed_url
),
failures as (
    select url,
           count(*) as n_failed,
           bool_or(status in (404, 410) or error_kind in ('blocked_scheme', 'blocked_address', 'too_large', 'robots')) as is_permanent
    from raw.fetches
    where kind = 'article' and error_kind is not null
    group by url
),
final as (
    select c.*
    from candidates c
    left join failures f using (url)
    where not exists (select 1 from raw.articles a where a.url = c.url)
      -- fetched fine before: stored under its canonical URL, or quarantined
      and not exists (select 1 from raw.fetches x where x.kind = 'article' and x.url = c.url and x.error_kind is null)
      and not exists (select 1 from ops.quarantine q where q.table_name = 'articles' and q.row_key = c.url)
      and coalesce(not f.is_permanent and f.n_failed < $max_attempts, true)
)
select * from final order by url;

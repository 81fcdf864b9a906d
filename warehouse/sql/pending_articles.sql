-- Article urls still worth fetching for the polled feeds (`incoming`: feed_url): stored entries without a stored
-- article, not quarantined, not permanently failed, under the attempt limit. Reading stored entries, not just this
-- poll's, means a run killed after saving entries loses nothing: the next run fetches what it left.
-- Which failures are permanent is decided once, in radar/fetch_policy.py, and stored in raw.fetches.failure; a page
-- whose transient failures reached $max_attempts is given up (its last fetch row says so). The flow applies the
-- backoff (n_failed, last_failed_at) and the per-feed cap (oldest entry_at first).
with candidates as (
    select distinct on (e.url) e.url, e.feed_url, e.title, e.published_at, e.summary, e.content,
           coalesce(e.published_at, e.first_seen_at) as entry_at
    from raw.entries e
    where e.feed_url in (select feed_url from incoming)
    order by e.url, e.published_at desc nulls last, e.feed_url
),
failures as (
    select url,
           count(*) as n_failed,
           max(fetched_at) as last_failed_at,
           bool_or(failure = 'permanent') as is_permanent
    from raw.fetches
    where kind = 'article' and error_kind is not null
    group by url
),
final as (
    select c.*, coalesce(f.n_failed, 0) as n_failed, f.last_failed_at
    from candidates c
    left join failures f using (url)
    where not exists (select 1 from raw.articles a where a.url = c.url)
      -- fetched fine before: stored under its canonical URL, or quarantined
      and not exists (select 1 from raw.fetches x where x.kind = 'article' and x.url = c.url and x.error_kind is null)
      and not exists (select 1 from ops.quarantine q where q.table_name = 'articles' and q.row_key = c.url)
      and coalesce(not f.is_permanent and f.n_failed < $max_attempts, true)
)
select * from final order by entry_at nulls last, url;

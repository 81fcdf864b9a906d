-- Entry urls still worth fetching: not stored, not quarantined, not permanently failed, under the attempt limit.
with candidates as (
    select distinct on (url) url, feed_url, title, published_at
    from incoming
    order by url, published_at desc nulls last
),
failures as (
    select url,
           count(*) as n_failed,
           bool_or(status in (404, 410) or error_kind in ('blocked_scheme', 'blocked_address', 'too_large')) as is_permanent
    from raw.fetches
    where kind = 'article' and error_kind is not null
    group by url
),
final as (
    select c.*
    from candidates c
    left join failures f using (url)
    where not exists (select 1 from raw.articles a where a.url = c.url)
      and not exists (select 1 from ops.quarantine q where q.table_name = 'articles' and q.row_key = c.url)
      and coalesce(not f.is_permanent and f.n_failed < $max_attempts, true)
)
select * from final order by url;

-- Records that say what happened to a page fetch, and how much waits for a later run.
--
-- raw.fetches.failure: null when the fetch did not fail, else 'permanent' (never tried again) or 'transient'
-- (tried again on a later run, with backoff, up to the attempt limit). radar/fetch_policy.py decides it for every
-- new row; warehouse/sql/pending_articles.sql reads it.
alter table raw.fetches add column if not exists failure varchar;

-- Before this migration one error_kind, 'robots', covered both a robots.txt that disallows the page and one that
-- could not be read at all (DNS, connection, timeout, 5xx); only the first is final.
update raw.fetches
set error_kind = case when error = 'disallowed by robots.txt' then 'robots_disallowed' else 'robots_unreachable' end
where error_kind = 'robots';

-- URLs that cannot be parsed were recorded as protocol errors (or as robots failures, rewritten just above).
update raw.fetches
set error_kind = 'invalid_url'
where error_kind in ('protocol', 'robots_unreachable')
  and (error like '%URL has no host%' or error like '%invalid host in URL%' or error like '%InvalidURL%'
       or error like '%Invalid IPv4 address%' or error like '%Invalid IPv6 address%' or error like '%Invalid port%');

-- The class of the rows already stored, by the rules of radar/fetch_policy.py when this migration was written.
update raw.fetches
set failure = case
    when error_kind in ('robots_disallowed', 'blocked_address', 'blocked_scheme', 'invalid_url', 'too_large')
      or (error_kind = 'http_status' and status in (404, 410)) then 'permanent'
    else 'transient' end
where error_kind is not null and failure is null;

-- Feed health gains n_backlog: entries whose page has not been fetched yet (held back by the per-feed cap or the
-- run deadline, or new since the last run): a feed of 100,000 items shows how far behind it is.
create or replace view marts.feed_health as
select f.feed_url, f.name, f.title, f.health, f.consecutive_failures, f.last_status, f.last_error,
       f.n_entries_last, f.last_fetched_at, f.last_ok_at, f.next_due_at,
       (select count(*) from raw.entries e where e.feed_url = f.feed_url) as n_entries,
       coalesce(b.n_backlog, 0) as n_backlog
from raw.feeds f
left join (
    select e.feed_url, count(distinct e.url) as n_backlog
    from raw.entries e
    where e.url is not null
      and not exists (select 1 from raw.fetches x where x.kind = 'article' and x.url = e.url)
      and not exists (select 1 from raw.articles a where a.url = e.url)
    group by e.feed_url
) b using (feed_url);

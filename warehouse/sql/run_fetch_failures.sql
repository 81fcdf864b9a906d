-- A run's failed fetches summarised for people: one row per (feed|article, error kind) with the count and the
-- first few urls. The full list stays in raw.fetches.
select kind, error_kind, count(*) as n,
       list(url order by url)[1:3] as first_urls,
       first(error order by url) as example_error
from raw.fetches
where run_id = $run_id and error_kind is not null
group by kind, error_kind
order by n desc, kind, error_kind

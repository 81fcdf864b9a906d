-- `radar releases`: marts.model_releases filtered by org (case-insensitive), open or closed weights, and date.
-- A row matches $since when its date is on or after it; a date known only to the month (or year) matches when that
-- month (year) is $since's or later. Rows without a date match on when the radar first saw them.
select * from marts.model_releases
where ($org is null or lower(org) = lower($org))
  and ($open is null or open_weights = $open)
  and ($since is null or case when release_date is null then first_seen_at::date >= $since::date
       else release_date >= substr(strftime($since::date, '%Y-%m-%d'), 1, length(release_date)) end)
order by release_date desc nulls last, first_seen_at desc, org, model

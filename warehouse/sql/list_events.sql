-- `radar events`: marts.events filtered by type, org (case-insensitive) and date (as in list_releases.sql).
select * from marts.events
where ($type is null or type = $type)
  and ($org is null or lower(org) = lower($org))
  and ($since is null or case when event_date is null then first_seen_at::date >= $since::date
       else event_date >= substr(strftime($since::date, '%Y-%m-%d'), 1, length(event_date)) end)
order by event_date desc nulls last, first_seen_at desc, event_key
limit $limit

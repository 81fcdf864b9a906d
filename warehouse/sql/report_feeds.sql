-- Feed health, the feeds that need attention first.
select * from marts.feed_health
order by case health when 'dead' then 0 when 'degraded' then 1 when 'new' then 2 else 3 end, feed_url

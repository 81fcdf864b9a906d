-- Events per week (Monday) and type, for events whose date is known to the day.
with dated as (select type, try_strptime(event_date, '%Y-%m-%d')::date as day from core.events)
select date_trunc('week', day)::date as week, type, count(*) as n
from dated where day is not null group by all order by week, type

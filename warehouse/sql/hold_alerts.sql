-- Hold back from alerts the events of `incoming` (event_key) that this run found first: they did not exist
-- before it started ($started_at). An event the radar already knew keeps its alert state.
insert into ops.alert_holds (event_key, reason, run_id, held_at)
select distinct e.event_key, $reason, $run_id, now()
from core.events e
where e.event_key in (select event_key from incoming)
  and e.first_seen_at >= $started_at
on conflict do nothing;

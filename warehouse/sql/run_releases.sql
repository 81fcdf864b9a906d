-- Model releases whose first mention was extracted in the given run.
select e.org, e.model, e.open_weights, e.license, e.event_date
from core.events e
where e.type = 'model_release' and e.status = 'done'
  and e.event_key in (select event_key from core.mentions where run_id = $run_id)
  and not exists (
      select 1 from core.mentions m
      where m.event_key = e.event_key and m.run_id <> $run_id)
order by e.org, e.model;

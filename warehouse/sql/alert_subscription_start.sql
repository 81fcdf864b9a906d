-- When channels first configured in run $run_id start hearing about events: the run's start, if an earlier run
-- completed (this run's finds are news); no row (then: now) when this is the warehouse's first run.
select r.started_at
from ops.runs r
where r.run_id = $run_id
  and exists (select 1 from ops.runs p
              where p.status = 'completed' and p.run_id <> r.run_id and p.started_at < r.started_at);

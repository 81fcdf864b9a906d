-- Poll runs that did not complete, since the last one that did (killed, stopped or failed midway): a landing
-- worker loads into its own file the batches such a run landed but had not loaded yet (flows/ingest.py).
select run_id
from ops.runs
where kind = 'poll' and status <> 'completed'
  and started_at > coalesce((select max(started_at) from ops.runs where kind = 'poll' and status = 'completed'),
                            '-infinity'::timestamptz)
order by started_at;

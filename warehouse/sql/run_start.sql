-- A run begins (run_abandon.sql ran first in the same transaction).
insert into ops.runs (run_id, flow_run_id, started_at, status, kind, source)
values ($run_id, $flow_run_id, $started_at, 'running', $kind, $source);

-- Runs never overlap, so a run still 'running' when another starts was killed: it is marked abandoned.
update ops.runs set status = 'abandoned' where status = 'running';

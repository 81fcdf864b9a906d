-- How many of the batches in `incoming` (run_id, batch_id) are merged already.
select count(*) from ops.landing_batches join incoming using (run_id, batch_id);

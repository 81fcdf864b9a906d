-- Every landed batch this warehouse holds.
select run_id, batch_id from ops.landing_batches;

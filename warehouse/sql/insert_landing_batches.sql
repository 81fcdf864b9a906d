-- Batches of the landing zone merged into the warehouse (warehouse/landing.py, flows/merge.py).
insert into ops.landing_batches by name
select run_id, batch_id, attempt, landing_root, written_at, merged_at, merge_id from incoming;

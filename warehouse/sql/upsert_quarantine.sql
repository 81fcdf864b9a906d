-- A row that fails again is counted, not duplicated.
insert into ops.quarantine by name
select table_name, row_key, expectations, row_json, run_id,
       now() as first_seen_at, now() as last_seen_at, 1 as n_seen
from incoming
on conflict (table_name, row_key) do update set
    expectations = excluded.expectations,
    row_json = excluded.row_json,
    run_id = excluded.run_id,
    last_seen_at = excluded.last_seen_at,
    n_seen = ops.quarantine.n_seen + 1;

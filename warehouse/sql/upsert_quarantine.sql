-- A row that fails again is counted, not duplicated. stage, error_type, error_message and extractor_version are
-- set for rows that raised in a per-article stage (transforms/isolate.py), null for rows that failed expectations.
insert into ops.quarantine by name
select table_name, row_key, expectations, row_json, run_id,
       now() as first_seen_at, now() as last_seen_at, 1 as n_seen,
       stage, error_type, error_message, extractor_version
from incoming
on conflict (table_name, row_key) do update set
    expectations = excluded.expectations,
    row_json = excluded.row_json,
    run_id = excluded.run_id,
    last_seen_at = excluded.last_seen_at,
    n_seen = ops.quarantine.n_seen + 1,
    stage = excluded.stage,
    error_type = excluded.error_type,
    error_message = excluded.error_message,
    extractor_version = excluded.extractor_version;

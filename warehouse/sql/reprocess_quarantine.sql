-- Mentions the suite rejects on reprocess. A row already quarantined is left as it is, so a second reprocess
-- with the same extractor changes nothing (upsert_quarantine.sql counts repeats; a reprocess is not a new sighting).
insert into ops.quarantine by name
select table_name, row_key, expectations, row_json, run_id,
       now() as first_seen_at, now() as last_seen_at, 1 as n_seen
from incoming
on conflict (table_name, row_key) do nothing;

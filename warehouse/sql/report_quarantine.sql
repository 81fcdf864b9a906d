-- Quarantined rows grouped by table and the expectations they failed.
select table_name, expectations, count(*) as n_rows, sum(n_seen) as n_seen, max(last_seen_at) as last_seen_at
from ops.quarantine group by table_name, expectations order by n_rows desc, table_name, expectations

-- `radar run` summary: quarantined rows per table and failed expectations, with one example key.
select table_name, expectations, count(*) as n, min(row_key) as example
from ops.quarantine
group by all
order by n desc, table_name, expectations;

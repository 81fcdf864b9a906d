-- Whether this warehouse has ops.landing_batches (migration 018a) yet.
select 1 from duckdb_tables() where schema_name = 'ops' and table_name = 'landing_batches';

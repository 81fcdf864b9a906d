-- The migration runner's own bookkeeping: which migrations/NNN_name.sql files were applied, and when.
create schema if not exists ops;
create table if not exists ops.schema_migrations (
    version varchar primary key,
    applied_at timestamptz not null default now()
);

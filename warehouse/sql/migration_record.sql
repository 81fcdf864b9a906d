insert into ops.schema_migrations (version) values ($version);

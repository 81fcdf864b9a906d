select version from ops.schema_migrations;

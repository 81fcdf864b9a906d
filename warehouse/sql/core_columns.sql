-- The columns of a core table ($table).
select column_name from information_schema.columns where table_schema = 'core' and table_name = $table

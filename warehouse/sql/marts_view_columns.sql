select column_name, data_type from information_schema.columns
where table_schema = 'marts' and table_name = $view order by ordinal_position

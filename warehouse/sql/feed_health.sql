-- `radar feeds list`: every feed's health. All columns: older warehouses lack the article columns.
select * from marts.feed_health;

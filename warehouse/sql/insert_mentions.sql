-- New mentions only. An anti-join then a plain insert, rather than `on conflict do nothing`: DuckDB's conflict
-- path costs ~1.8x the plain insert on 100k rows (bench/run.py measures both). Ids within `incoming` are unique
-- (the mentions suite expects it), and the primary key still refuses any duplicate that got through.
insert into core.mentions by name
select i.* from incoming i anti join core.mentions m using (mention_id);

-- New articles only, by anti-join rather than `on conflict do nothing` (DuckDB's conflict path costs ~1.5x the
-- insert: it probes the key index row by row). Ids within `incoming` are unique (the articles suite expects it, the
-- merger keeps one row per id), and the primary key still refuses any duplicate that got through.
insert into raw.articles by name
select i.* from incoming i anti join raw.articles a using (article_id);

-- New fetches only, by anti-join (see insert_articles.sql): fetch ids are fresh uuids, and the primary key refuses
-- any duplicate.
insert into raw.fetches by name
select i.* from incoming i anti join raw.fetches f using (fetch_id);

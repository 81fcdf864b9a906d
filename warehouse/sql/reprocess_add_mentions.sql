-- Fresh mentions not stored yet (as insert_mentions.sql), returning their event keys so that only the events
-- whose support changed are merged again.
insert into core.mentions by name
select f.* from fresh_mentions f anti join core.mentions m using (mention_id)
returning event_key;

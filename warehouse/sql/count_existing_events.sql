-- How many of the events keyed in `touched_keys` (event_key) exist already.
select count(*) from core.events where event_key in (select event_key from touched_keys);

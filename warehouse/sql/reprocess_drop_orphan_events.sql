-- Events of the touched keys (`incoming`) that no mention supports any more: gone from core.events and so
-- from every mart. Their ops.alerts rows stay (history; and an event that comes back is not alerted twice).
delete from core.events e
where e.event_key in (select event_key from incoming)
  and not exists (select 1 from core.mentions m where m.event_key = e.event_key);

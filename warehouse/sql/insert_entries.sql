-- New entries are inserted; an entry a feed edited in place (same feed and guid, new title or summary) is
-- updated, not duplicated. Its first publication time stays: a re-stamped entry is not news again.
update raw.entries e
set title = i.title, summary = i.summary
from incoming i
where e.entry_id = i.entry_id
  and (e.title is distinct from i.title or e.summary is distinct from i.summary);

insert into raw.entries by name select * from incoming on conflict do nothing;

-- Articles (`incoming`: article_id) whose event extraction no longer raises leave the quarantine.
delete from ops.quarantine
where table_name = 'mentions' and stage = 'extract_events'
  and row_key in (select article_id from incoming);

-- Mentions of the reprocessed articles (`batch_articles`) that the current extractor no longer finds: every
-- stored mention of those articles, of the reprocessed types ($types, empty: all), whose id is not among the
-- fresh ones (`fresh_mentions`). A mention the extractor finds again keeps its row (and its extracted_at).
delete from core.mentions m
where m.article_id in (select article_id from batch_articles)
  and (len($types) = 0 or list_contains($types, m.type))
  and m.mention_id not in (select mention_id from fresh_mentions)
returning m.event_key;

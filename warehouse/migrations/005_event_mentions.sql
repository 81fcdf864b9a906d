-- Provenance: every event with the mentions that were merged into it, the key that merged them,
-- and the article and sentence each came from.
create or replace view marts.event_mentions as
with final as (
    select m.event_key, m.type, m.org, m.model, m.mention_id, m.confidence, m.status, m.extractor_version,
           m.evidence, a.url, a.title as article_title,
           coalesce(a.site_name, regexp_extract(a.url, '^https?://([^/]+)', 1)) as outlet,
           a.published_at, m.extracted_at
    from core.mentions m
    join raw.articles a using (article_id)
)
select * from final order by event_key, published_at;

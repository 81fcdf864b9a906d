-- Articles whose stored text `radar reprocess` re-extracts: those published (else fetched) on or after $since
-- (null: all), oldest first, so batches are stable and a long reprocess shows steady progress.
select article_id, title, text, published_at
from raw.articles
where $since is null or coalesce(published_at, fetched_at) >= $since
order by coalesce(published_at, fetched_at), article_id

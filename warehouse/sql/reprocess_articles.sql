-- Articles whose stored text `radar reprocess` re-extracts: those published (else fetched) on or after $since
-- (null: all), oldest first, so batches are stable and a long reprocess shows steady progress. (url: whose own site
-- a page is on tells whose "we" it is, as in the pipeline.)
select article_id, title, text, published_at, url
from raw.articles
where $since is null or coalesce(published_at, fetched_at) >= $since
order by coalesce(published_at, fetched_at), article_id

-- The page's own rel=canonical URL; article_id hashes it (else the fetched url), so one story is stored once.
alter table raw.articles add column if not exists canonical_url varchar;

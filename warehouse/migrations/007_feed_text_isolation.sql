-- Text from the best source available, per-article failure isolation, and feed health that counts articles.
-- The entry's full body (content:encoded / atom content) as plain text: the article's text when its page is not
-- readable.
alter table raw.entries add column if not exists content varchar;
-- Where an article's text came from: page | content | summary | title; and why the page's own text was not used
-- (the fetch's error kind, 'http_404', 'not_an_article', 'extract_failed', 'no_text'), null when it was.
alter table raw.articles add column if not exists text_source varchar default 'page';  -- all before 007 were
alter table raw.articles add column if not exists page_error varchar;
-- A row that raised in a per-article stage: which stage, what it raised, and (event extraction) with which
-- extractor version, so it is retried only when that version changes.
alter table ops.quarantine add column if not exists stage varchar;
alter table ops.quarantine add column if not exists error_type varchar;
alter table ops.quarantine add column if not exists error_message varchar;
alter table ops.quarantine add column if not exists extractor_version varchar;
-- marts.feed_health with the article counts: 014_feed_health_articles.sql (after 009, which redefines the view).

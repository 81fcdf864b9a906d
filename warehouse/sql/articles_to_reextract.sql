-- Stored articles whose event extraction raised under another extractor version than the current one ($version).
select a.*
from raw.articles a
join ops.quarantine q on q.table_name = 'mentions' and q.stage = 'extract_events' and q.row_key = a.article_id
where q.extractor_version is distinct from $version
order by a.article_id;

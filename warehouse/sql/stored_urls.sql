-- Which of the `incoming` urls are already stored as articles (under that url or as their canonical url).
select i.url
from incoming i
where exists (select 1 from raw.articles a where a.url = i.url or a.canonical_url = i.url);

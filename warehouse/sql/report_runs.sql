-- The ten most recent runs, newest first.
select run_id, status, started_at, finished_at, n_feeds, n_feeds_failed, n_articles_new, n_events_new,
       n_quarantined, error
from ops.runs order by started_at desc limit 10

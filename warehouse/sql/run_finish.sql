-- A run ends ($run_id) with its status, error and counts (null: not counted by this kind of run).
update ops.runs set
    finished_at = $finished_at, status = $status, error = $error,
    n_feeds = $n_feeds, n_feeds_failed = $n_feeds_failed, n_entries_new = $n_entries_new,
    n_articles_new = $n_articles_new, n_mentions_new = $n_mentions_new, n_events_new = $n_events_new,
    n_quarantined = $n_quarantined
where run_id = $run_id;

-- One merge of a landing zone: the markers version it read and what it brought.
insert into ops.landing_merges (merge_id, landing_root, markers_version, merged_at, n_batches, n_articles_new,
                                n_mentions_new, n_events_new, n_quarantined)
values ($merge_id, $landing_root, $markers_version, $merged_at, $n_batches, $n_articles_new, $n_mentions_new,
        $n_events_new, $n_quarantined);

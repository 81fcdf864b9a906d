-- `radar run` summary: the feeds whose health is not ok.
select feed_url, health, last_error from marts.feed_health where health <> 'ok';

-- What the next poll of each known feed needs: its validators, failure streak and when it is due.
select feed_url, etag, last_modified, consecutive_failures, next_due_at from raw.feeds;

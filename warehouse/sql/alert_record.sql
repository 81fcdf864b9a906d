-- Outcome of one delivery attempt (`incoming`: event_key, channel, ok, error, retry_seconds), only for rows
-- this sender ($claim_id) still holds ('sending', or 'unknown' if the send outlived the stale window). Sent is
-- final; a failure is retried after retry_seconds.
update ops.alerts as a set
    status = case when i.ok then 'sent' else 'failed' end,
    attempts = a.attempts + 1,
    last_error = case when i.ok then null else i.error end,
    sent_at = case when i.ok then now() else null end,
    next_attempt_at = case when i.ok then a.next_attempt_at
                           else now() + to_seconds(cast(i.retry_seconds as double)) end,
    claim_id = null,
    claimed_at = null
from incoming i
where a.event_key = i.event_key and a.channel = i.channel
  and a.claim_id = $claim_id and a.status in ('sending', 'unknown');

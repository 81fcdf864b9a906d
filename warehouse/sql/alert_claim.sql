-- Claim the due alerts of the configured channels (`incoming`: channel) for one sender ($claim_id).
-- Due: pending or failed with next_attempt_at passed, or 'sending' under a claim older than $stale_seconds
-- (its sender died between claiming and recording: resend rather than lose it).
update ops.alerts set status = 'sending', claim_id = $claim_id, claimed_at = now()
where channel in (select channel from incoming)
  and ((status in ('pending', 'failed') and next_attempt_at <= now())
       or (status = 'sending' and claimed_at < now() - to_seconds(cast($stale_seconds as double))))
returning event_key, channel, attempts;

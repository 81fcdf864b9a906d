-- Claim the due alerts of the configured channels (`incoming`: channel) for one sender ($claim_id).
-- Due: pending, or failed with next_attempt_at passed. A row left in 'sending' is never claimed again here: its
-- sender may have delivered it before dying (alert_expire_claims.sql makes it 'unknown'; only
-- `radar alerts resend` sends it again).
update ops.alerts set status = 'sending', claim_id = $claim_id, claimed_at = now()
where channel in (select channel from incoming)
  and status in ('pending', 'failed') and next_attempt_at <= now()
returning event_key, channel, attempts;

-- `radar alerts resend ID`: claim one row ($event_key, $channel) for one sender ($claim_id), whatever its status
-- ('unknown' above all, also 'failed', 'pending' or 'sent'), unless a live sender holds it ('sending').
update ops.alerts set status = 'sending', claim_id = $claim_id, claimed_at = now()
where event_key = $event_key and channel = $channel and status <> 'sending'
returning event_key, channel, attempts;

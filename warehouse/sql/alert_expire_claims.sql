-- A claim older than $stale_seconds belongs to a sender that died (or was killed) during the send: the receiver
-- may or may not have the alert. It becomes 'unknown' and stays so: never resent automatically (at most once
-- across crashes), shown by `radar alerts list`, resent on purpose by `radar alerts resend ID`. claim_id and
-- claimed_at are kept: they say when the send started, and a sender that was only slow can still record.
update ops.alerts set
    status = 'unknown',
    last_error = 'the sender stopped during the send (started '
                 || strftime(claimed_at at time zone 'UTC', '%Y-%m-%d %H:%M:%S UTC')
                 || '): maybe delivered, so not sent again automatically; `radar alerts resend ID` sends it again'
where status = 'sending' and claimed_at < now() - to_seconds(cast($stale_seconds as double))
returning event_key, channel, claimed_at;

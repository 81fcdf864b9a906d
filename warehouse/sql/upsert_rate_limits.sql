insert into raw.rate_limits by name select domain, until_at, reason, now() as updated_at from incoming
on conflict (domain) do update set until_at = greatest(raw.rate_limits.until_at, excluded.until_at),
    reason = excluded.reason, updated_at = excluded.updated_at;

-- Registrable domains that asked us (Retry-After) to stay away until a time still in the future.
select domain, until_at from raw.rate_limits where until_at > now();

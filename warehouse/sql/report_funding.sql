-- Money raised per organization ($n largest totals); each canonical event counts once.
select org, count(*) as n_events, sum(amount_usd) as total_usd, max(valuation_usd) as valuation_usd,
       max(event_date) as latest
from marts.events where type = 'funding' and amount_usd is not null and org is not null
group by org order by total_usd desc, org limit $n

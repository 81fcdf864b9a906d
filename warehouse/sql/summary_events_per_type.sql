-- `radar run` summary: merged events per type, most first.
select type, count(*) as n_events from core.events group by type order by n_events desc, type;

-- Events per type for the $n most active organizations, most active first.
with per_org as (select org, sum(n_events) as total from marts.org_activity group by org
                 order by total desc, org limit $n)
select a.org, a.type, a.n_events, p.total from marts.org_activity a join per_org p using (org)
order by p.total desc, a.org, a.n_events desc, a.type

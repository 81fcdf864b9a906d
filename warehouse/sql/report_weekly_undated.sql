-- Events the weekly chart cannot place: no date, or one known only to the month or year.
select count(*) as n from core.events where try_strptime(event_date, '%Y-%m-%d') is null

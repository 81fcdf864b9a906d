-- How many merged events there are (a load compares before and after to count new ones).
select count(*) from core.events;

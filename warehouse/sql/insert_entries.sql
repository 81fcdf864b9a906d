insert into raw.entries by name select * from incoming on conflict do nothing;

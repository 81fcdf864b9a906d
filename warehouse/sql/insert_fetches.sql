insert into raw.fetches by name select * from incoming on conflict do nothing;

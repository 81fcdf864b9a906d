insert into core.mentions by name select * from incoming on conflict do nothing;

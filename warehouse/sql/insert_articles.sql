insert into raw.articles by name select * from incoming on conflict do nothing;

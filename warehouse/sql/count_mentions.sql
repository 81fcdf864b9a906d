-- Stored mentions, of the types in $types (an empty list: of every type).
select count(*) as n from core.mentions
where len(cast($types as varchar[])) = 0 or list_contains(cast($types as varchar[]), type);

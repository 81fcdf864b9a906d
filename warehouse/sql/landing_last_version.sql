-- The version of a landing zone's markers table that the last merge from it read (null: never merged).
select max(markers_version) from ops.landing_merges where landing_root = $landing_root;

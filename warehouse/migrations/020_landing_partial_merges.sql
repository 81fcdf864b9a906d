-- A backlog is merged in several transactions; only the last one has read the markers version to its end. The
-- others record no version (null), so a merge that stops between two of them is finished by the next one
-- (landing_last_version: the max ignores nulls).
alter table ops.landing_merges alter column markers_version drop not null;

-- Versions and counts as 64-bit integers, as the app reads every id, version and count (i64) and
-- as SQLite stores them already, so no query has to cast them.
ALTER TABLE plans ALTER COLUMN version TYPE BIGINT, ALTER COLUMN template_revision TYPE BIGINT;
ALTER TABLE meetings ALTER COLUMN version TYPE BIGINT, ALTER COLUMN agenda_version TYPE BIGINT;
ALTER TABLE meeting_sessions ALTER COLUMN version TYPE BIGINT;
ALTER TABLE organisation_settings ALTER COLUMN template_revision TYPE BIGINT;
ALTER TABLE agenda_items ALTER COLUMN sort_order TYPE BIGINT, ALTER COLUMN minutes TYPE BIGINT;
ALTER TABLE notices ALTER COLUMN agenda_version TYPE BIGINT;
ALTER TABLE outbox ALTER COLUMN attempts TYPE BIGINT;
ALTER TABLE minutes_versions ALTER COLUMN version TYPE BIGINT;
ALTER TABLE workload_checks
    ALTER COLUMN red TYPE BIGINT, ALTER COLUMN yellow TYPE BIGINT, ALTER COLUMN green TYPE BIGINT;
ALTER TABLE workload_tallies ALTER COLUMN votes TYPE BIGINT;
ALTER TABLE checklist_templates ALTER COLUMN version TYPE BIGINT;
ALTER TABLE unit_checklists ALTER COLUMN version TYPE BIGINT;
ALTER TABLE actions ALTER COLUMN version TYPE BIGINT, ALTER COLUMN reopened TYPE BIGINT;

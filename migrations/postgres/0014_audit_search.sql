-- The audit log is searched by person whatever the case: the application stores the actor
-- lower-cased beside the name (as on SQLite, whose lower() folds only ASCII). Old rows are filled
-- in once here, with the append-only trigger lifted for this migration alone.
ALTER TABLE audit_log ADD COLUMN actor_key TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
UPDATE audit_log SET actor_key = lower(actor);
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;

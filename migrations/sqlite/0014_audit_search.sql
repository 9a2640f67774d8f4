-- The audit log is searched by person whatever the case. SQLite's lower() folds only ASCII, so
-- the application stores the actor lower-cased (Unicode) beside the name. Old rows are filled in
-- once here, with the append-only trigger lifted for this migration alone.
DROP TRIGGER audit_log_no_update;
ALTER TABLE audit_log ADD COLUMN actor_key TEXT NOT NULL DEFAULT '';
UPDATE audit_log SET actor_key = lower(actor);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

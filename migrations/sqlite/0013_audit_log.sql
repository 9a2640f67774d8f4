-- The audit trail: who did what, when, from where. Append-only: the database itself refuses
-- every update and delete of it. node_id is the part of the organisation the entry belongs to,
-- so HR reads the entries of its own part of the tree. actor_id is kept without a foreign key so
-- an entry outlives whatever it names.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor_id  INTEGER,
    actor     TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL CHECK (length(action) > 0),
    node_id   INTEGER,
    subject   TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '',
    address   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_node ON audit_log(node_id, id);
CREATE INDEX audit_log_action ON audit_log(action, actor, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

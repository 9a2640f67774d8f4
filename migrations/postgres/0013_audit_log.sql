-- The audit trail: who did what, when, from where. Append-only: the database itself refuses
-- every update, delete and truncate of it. node_id is the part of the organisation the entry
-- belongs to, so HR reads the entries of its own part of the tree. actor_id is kept without a
-- foreign key so an entry outlives whatever it names.
CREATE TABLE audit_log (
    id        BIGSERIAL PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    actor_id  BIGINT,
    actor     TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL CHECK (length(action) > 0),
    node_id   BIGINT,
    subject   TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '',
    address   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_node ON audit_log(node_id, id);
CREATE INDEX audit_log_action ON audit_log(action, actor, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Retention (gallring) by decision: per organisation and kind of record, how many full years
-- after its year a record is kept and which decision says so. Every culling run is kept (what
-- it removed, under which decision), append-only like the audit trail.
CREATE TABLE retention_rules (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES org_nodes(id),
    record_kind TEXT NOT NULL
                CHECK (record_kind IN ('minutes', 'agendas', 'checklists', 'action_plans', 'audit')),
    keep_years  INTEGER NOT NULL CHECK (keep_years BETWEEN 1 AND 100),
    decision    TEXT NOT NULL CHECK (length(trim(decision)) > 0),
    decided_on  TEXT NOT NULL,
    set_by      INTEGER REFERENCES people(id) ON DELETE SET NULL,
    set_at      TEXT NOT NULL,
    UNIQUE (org_id, record_kind)
);

CREATE TABLE culling_runs (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL,
    record_kind TEXT NOT NULL,
    keep_years  INTEGER NOT NULL,
    decision    TEXT NOT NULL,
    cutoff      TEXT NOT NULL,
    run_by      INTEGER,
    run_by_name TEXT NOT NULL,
    run_at      TEXT NOT NULL,
    removed     INTEGER NOT NULL,
    summary     TEXT NOT NULL
);
CREATE INDEX culling_runs_org ON culling_runs(org_id, id);

CREATE TRIGGER culling_runs_no_update BEFORE UPDATE ON culling_runs
BEGIN
    SELECT RAISE(ABORT, 'culling_runs is append-only');
END;
CREATE TRIGGER culling_runs_no_delete BEFORE DELETE ON culling_runs
BEGIN
    SELECT RAISE(ABORT, 'culling_runs is append-only');
END;

-- The one way audit entries are deleted: a culling run of the audit trail holds a permit row
-- inside its own transaction (inserted first, deleted before the commit).
CREATE TABLE audit_culling_permits (run_key TEXT PRIMARY KEY);
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM audit_culling_permits)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

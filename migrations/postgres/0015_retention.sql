-- Retention (gallring) by decision: per organisation and kind of record, how many full years
-- after its year a record is kept and which decision says so. Every culling run is kept (what
-- it removed, under which decision), append-only like the audit trail.
CREATE TABLE retention_rules (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES org_nodes(id),
    record_kind TEXT NOT NULL
                CHECK (record_kind IN ('minutes', 'agendas', 'checklists', 'action_plans', 'audit')),
    keep_years  INTEGER NOT NULL CHECK (keep_years BETWEEN 1 AND 100),
    decision    TEXT NOT NULL CHECK (length(trim(decision)) > 0),
    decided_on  DATE NOT NULL,
    set_by      BIGINT REFERENCES people(id) ON DELETE SET NULL,
    set_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (org_id, record_kind)
);

CREATE TABLE culling_runs (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT NOT NULL,
    record_kind TEXT NOT NULL,
    keep_years  INTEGER NOT NULL,
    decision    TEXT NOT NULL,
    cutoff      DATE NOT NULL,
    run_by      BIGINT,
    run_by_name TEXT NOT NULL,
    run_at      TIMESTAMPTZ NOT NULL,
    removed     INTEGER NOT NULL,
    summary     TEXT NOT NULL
);
CREATE INDEX culling_runs_org ON culling_runs(org_id, id);

CREATE FUNCTION culling_runs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'culling_runs is append-only';
END;
$$;
CREATE TRIGGER culling_runs_no_change BEFORE UPDATE OR DELETE ON culling_runs
    FOR EACH ROW EXECUTE FUNCTION culling_runs_append_only();
CREATE TRIGGER culling_runs_no_truncate BEFORE TRUNCATE ON culling_runs
    FOR EACH STATEMENT EXECUTE FUNCTION culling_runs_append_only();

-- The one way audit entries are deleted: a culling run of the audit trail holds a permit row
-- inside its own transaction (inserted first, deleted before the commit). Updates and
-- truncation stay refused.
CREATE TABLE audit_culling_permits (run_key TEXT PRIMARY KEY);
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_culling_permits) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

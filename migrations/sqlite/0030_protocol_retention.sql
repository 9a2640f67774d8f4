-- Retention covers the cooperation groups' protocols: a rule of the kind 'protocols'. SQLite
-- cannot change a CHECK in place, so the rules' table is rebuilt with the new list (nothing
-- references it).
CREATE TABLE retention_rules_new (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES org_nodes(id),
    record_kind TEXT NOT NULL
                CHECK (record_kind IN ('minutes', 'agendas', 'checklists', 'action_plans', 'audit',
                                       'protocols')),
    keep_years  INTEGER NOT NULL CHECK (keep_years BETWEEN 1 AND 100),
    decision    TEXT NOT NULL CHECK (length(trim(decision)) > 0),
    decided_on  TEXT NOT NULL,
    set_by      INTEGER REFERENCES people(id) ON DELETE SET NULL,
    set_at      TEXT NOT NULL,
    UNIQUE (org_id, record_kind)
);
INSERT INTO retention_rules_new
    (id, org_id, record_kind, keep_years, decision, decided_on, set_by, set_at)
    SELECT id, org_id, record_kind, keep_years, decision, decided_on, set_by, set_at
    FROM retention_rules;
DROP TABLE retention_rules;
ALTER TABLE retention_rules_new RENAME TO retention_rules;

-- The work environment report, second step: an added figure's code is derived from its id
-- (`added_<id>`), so the column that repeated it goes; the report's revision counter, which
-- nothing read (each section saves against its own fingerprint), goes too; and an uploaded
-- file of figures waits, read into rows, between its preview and its applying; and the
-- compliance overview gets its rule for the minutes.
CREATE TABLE env_report_added_figures_new (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES org_nodes(id),
    section    TEXT NOT NULL,
    grp        TEXT NOT NULL DEFAULT '' CHECK (length(grp) <= 120),
    label      TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 120),
    kind       TEXT NOT NULL CHECK (kind IN ('count', 'hours', 'percent')),
    basis      TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
INSERT INTO env_report_added_figures_new
    (id, org_id, section, grp, label, kind, basis, created_by, created_at)
    SELECT id, org_id, section, grp, label, kind, basis, created_by, created_at
    FROM env_report_added_figures;
DROP TABLE env_report_added_figures;
ALTER TABLE env_report_added_figures_new RENAME TO env_report_added_figures;
CREATE INDEX env_report_added_figures_org ON env_report_added_figures(org_id, id);

ALTER TABLE env_reports DROP COLUMN revision;

CREATE TABLE env_report_imports (
    id          INTEGER PRIMARY KEY,
    node_id     INTEGER NOT NULL REFERENCES org_nodes(id),
    uploaded_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    file_name   TEXT NOT NULL,
    rows_json   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    applied_at  TEXT
);
CREATE INDEX env_report_imports_node ON env_report_imports(node_id, id);

-- The compliance overview holds each unit's minutes to being published within this many days
-- of the APT.
ALTER TABLE organisation_settings ADD COLUMN minutes_days INTEGER NOT NULL DEFAULT 14
    CHECK (minutes_days BETWEEN 0 AND 90);

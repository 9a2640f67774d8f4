-- The work environment report, second step: an added figure's code is derived from its id
-- (`added_<id>`), so the column that repeated it goes; the report's revision counter, which
-- nothing read (each section saves against its own fingerprint), goes too; and an uploaded
-- file of figures waits, read into rows, between its preview and its applying; and the
-- compliance overview gets its rule for the minutes.
ALTER TABLE env_report_added_figures DROP COLUMN code;
CREATE INDEX env_report_added_figures_org ON env_report_added_figures(org_id, id);

ALTER TABLE env_reports DROP COLUMN revision;

CREATE TABLE env_report_imports (
    id          BIGSERIAL PRIMARY KEY,
    node_id     BIGINT NOT NULL REFERENCES org_nodes(id),
    uploaded_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    file_name   TEXT NOT NULL,
    rows_json   TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    applied_at  TIMESTAMPTZ
);
CREATE INDEX env_report_imports_node ON env_report_imports(node_id, id);

-- The compliance overview holds each unit's minutes to being published within this many days
-- of the APT.
ALTER TABLE organisation_settings ADD COLUMN minutes_days INTEGER NOT NULL DEFAULT 14
    CHECK (minutes_days BETWEEN 0 AND 90);

-- The occupational health service's statistics (företagshälsovård, seed 002's bilaga 1) as the
-- organisation enters them for a node and year: the provider, the use per month in kronor and
-- the use per area (efterhjälpande, förebyggande, främjande) and level (organisation, grupp,
-- individ). A protocol's bilaga freezes them with the year before, as a table and a chart.
CREATE TABLE health_service_reports (
    id         INTEGER PRIMARY KEY,
    node_id    INTEGER NOT NULL REFERENCES org_nodes(id),
    year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    provider   TEXT NOT NULL CHECK (length(trim(provider)) BETWEEN 1 AND 120),
    updated_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (node_id, year)
);
-- A month without a row is not yet reported; a reported month may be 0.
CREATE TABLE health_service_months (
    report_id INTEGER NOT NULL REFERENCES health_service_reports(id) ON DELETE CASCADE,
    month     INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    kronor    INTEGER NOT NULL CHECK (kronor BETWEEN 0 AND 1000000000000),
    PRIMARY KEY (report_id, month)
);
CREATE TABLE health_service_areas (
    report_id INTEGER NOT NULL REFERENCES health_service_reports(id) ON DELETE CASCADE,
    area      TEXT NOT NULL CHECK (area IN ('remedial', 'preventive', 'promotive')),
    level     TEXT NOT NULL CHECK (level IN ('organisation', 'group', 'individual')),
    kronor    INTEGER NOT NULL CHECK (kronor BETWEEN 0 AND 1000000000000),
    PRIMARY KEY (report_id, area, level)
);

-- A protocol's bilaga may be those statistics frozen ('health_service'). SQLite cannot change
-- a CHECK in place, so the bilagor's table is rebuilt with the new list (nothing references it).
CREATE TABLE coop_attachments_new (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES coop_meetings(id),
    item_id      INTEGER NOT NULL REFERENCES coop_items(id),
    kind         TEXT NOT NULL
                 CHECK (kind IN ('file', 'sam', 'active_measures', 'actions', 'health_service')),
    title        TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    tables       TEXT,
    file_name    TEXT CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 200),
    content_type TEXT,
    size_bytes   INTEGER CHECK (size_bytes IS NULL OR size_bytes > 0),
    sha256       TEXT,
    content      BLOB,
    added_by     INTEGER REFERENCES people(id) ON DELETE SET NULL,
    added_at     TEXT NOT NULL,
    CHECK ((kind = 'file') = (content IS NOT NULL)),
    CHECK ((kind = 'file') = (tables IS NULL))
);
INSERT INTO coop_attachments_new
    (id, meeting_id, item_id, kind, title, tables, file_name, content_type, size_bytes, sha256,
     content, added_by, added_at)
    SELECT id, meeting_id, item_id, kind, title, tables, file_name, content_type, size_bytes,
           sha256, content, added_by, added_at
    FROM coop_attachments;
DROP TABLE coop_attachments;
ALTER TABLE coop_attachments_new RENAME TO coop_attachments;
CREATE INDEX coop_attachments_meeting ON coop_attachments(meeting_id);
CREATE INDEX coop_attachments_item ON coop_attachments(item_id);

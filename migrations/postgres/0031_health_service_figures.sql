-- The occupational health service's statistics (företagshälsovård, seed 002's bilaga 1) as the
-- organisation enters them for a node and year: the provider, the use per month in kronor and
-- the use per area (efterhjälpande, förebyggande, främjande) and level (organisation, grupp,
-- individ). A protocol's bilaga freezes them with the year before, as a table and a chart.
CREATE TABLE health_service_reports (
    id         BIGSERIAL PRIMARY KEY,
    node_id    BIGINT NOT NULL REFERENCES org_nodes(id),
    year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    provider   TEXT NOT NULL CHECK (length(trim(provider)) BETWEEN 1 AND 120),
    updated_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (node_id, year)
);
-- A month without a row is not yet reported; a reported month may be 0.
CREATE TABLE health_service_months (
    report_id BIGINT NOT NULL REFERENCES health_service_reports(id) ON DELETE CASCADE,
    month     INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    kronor    BIGINT NOT NULL CHECK (kronor BETWEEN 0 AND 1000000000000),
    PRIMARY KEY (report_id, month)
);
CREATE TABLE health_service_areas (
    report_id BIGINT NOT NULL REFERENCES health_service_reports(id) ON DELETE CASCADE,
    area      TEXT NOT NULL CHECK (area IN ('remedial', 'preventive', 'promotive')),
    level     TEXT NOT NULL CHECK (level IN ('organisation', 'group', 'individual')),
    kronor    BIGINT NOT NULL CHECK (kronor BETWEEN 0 AND 1000000000000),
    PRIMARY KEY (report_id, area, level)
);

-- A protocol's bilaga may be those statistics frozen ('health_service').
ALTER TABLE coop_attachments DROP CONSTRAINT coop_attachments_kind_check;
ALTER TABLE coop_attachments ADD CONSTRAINT coop_attachments_kind_check
    CHECK (kind IN ('file', 'sam', 'active_measures', 'actions', 'health_service'));

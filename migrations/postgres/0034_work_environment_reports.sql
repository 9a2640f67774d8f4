-- The annual work environment report (arbetsmiljörapport, seed 004) per node and year: its
-- status on the way from draft to accepted by the level above, each section's assessment
-- ("Bedömning och analys"), the answers to the yes/no/partly questions with the reason where
-- an answer overrides what Årshjul suggests, and the key figures. Figures belong to the node
-- and year, not the report (they may be imported before anyone writes), and count the node's
-- own staff: a higher node's figure is its own and its subtree's rolled up.
CREATE TABLE env_reports (
    id         BIGSERIAL PRIMARY KEY,
    node_id    BIGINT NOT NULL REFERENCES org_nodes(id),
    year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    status     TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
    -- Counts every save, so a second writer's stale save is refused with their text kept.
    revision   INTEGER NOT NULL DEFAULT 0,
    updated_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (node_id, year)
);
CREATE INDEX env_reports_year ON env_reports(year, status);

CREATE TABLE env_report_assessments (
    report_id BIGINT NOT NULL REFERENCES env_reports(id) ON DELETE CASCADE,
    section   TEXT NOT NULL,
    body      TEXT NOT NULL CHECK (length(body) <= 20000),
    PRIMARY KEY (report_id, section)
);

-- No row, or a row without an answer, is not answered yet.
CREATE TABLE env_report_answers (
    report_id BIGINT NOT NULL REFERENCES env_reports(id) ON DELETE CASCADE,
    question  TEXT NOT NULL,
    answer    TEXT CHECK (answer IS NULL OR answer IN ('ja', 'nej', 'delvis')),
    reason    TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    PRIMARY KEY (report_id, question)
);

-- A figure in hundredths (7,7 % is 770, 990 arbetsskador 99000). A percent keeps beside it the
-- basis it is weighted by (the node's hours worked or people employed, whole), copied from that
-- figure in the same save, so a roll-up over a city is one aggregate query.
CREATE TABLE env_report_figures (
    node_id    BIGINT NOT NULL REFERENCES org_nodes(id),
    year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    code       TEXT NOT NULL,
    value      BIGINT NOT NULL CHECK (value BETWEEN 0 AND 10000000000000),
    basis      BIGINT CHECK (basis IS NULL OR basis >= 0),
    updated_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (node_id, year, code)
);

-- The figures an organisation adds to the seed's template.
CREATE TABLE env_report_added_figures (
    id         BIGSERIAL PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES org_nodes(id),
    code       TEXT NOT NULL,
    section    TEXT NOT NULL,
    grp        TEXT NOT NULL DEFAULT '' CHECK (length(grp) <= 120),
    label      TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 120),
    kind       TEXT NOT NULL CHECK (kind IN ('count', 'hours', 'percent')),
    basis      TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (org_id, code)
);

-- When a kind of node's report on a year is due, as a day of the year after.
CREATE TABLE env_report_deadlines (
    org_id BIGINT NOT NULL REFERENCES org_nodes(id),
    kind   TEXT NOT NULL,
    month  INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day    INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    PRIMARY KEY (org_id, kind)
);

-- The report's way through the workflow, read-only: each submission keeps the report as it
-- was sent (JSON), each return its comment.
CREATE TABLE env_report_events (
    id        BIGSERIAL PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES env_reports(id) ON DELETE CASCADE,
    step      TEXT NOT NULL CHECK (step IN ('submitted', 'returned', 'accepted')),
    person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    at        TIMESTAMPTZ NOT NULL,
    comment   TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    document  TEXT
);
CREATE INDEX env_report_events_report ON env_report_events(report_id, id);

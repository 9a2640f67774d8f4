-- The organisation tree, people and roles, the annual wheel template and units' plans (PostgreSQL).

CREATE TABLE org_nodes (
    id          BIGSERIAL PRIMARY KEY,
    parent_id   BIGINT REFERENCES org_nodes(id),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX org_nodes_parent ON org_nodes(parent_id);

-- Rule parameters of an organisation (a root node).
CREATE TABLE organisation_settings (
    org_id            BIGINT PRIMARY KEY REFERENCES org_nodes(id),
    min_apts_per_year INTEGER NOT NULL DEFAULT 8 CHECK (min_apts_per_year BETWEEN 1 AND 52),
    notice_days       INTEGER NOT NULL DEFAULT 7 CHECK (notice_days BETWEEN 0 AND 60)
);

CREATE TABLE people (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    title         TEXT,
    password_hash TEXT,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE memberships (
    id        BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    node_id   BIGINT NOT NULL REFERENCES org_nodes(id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('chef', 'bitradande_chef', 'skyddsombud', 'medarbetare', 'hr')),
    UNIQUE (person_id, node_id, role)
);
CREATE INDEX memberships_node ON memberships(node_id);

-- Points on every APT agenda.
CREATE TABLE recurring_points (
    id         BIGSERIAL PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES org_nodes(id),
    title      TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    retired    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX recurring_points_org ON recurring_points(org_id, sort_order);

-- Topics of the annual wheel. A row is never edited once a plan uses it: an edit inserts a new
-- row that supersedes it, so plans keep what they had.
CREATE TABLE wheel_topics (
    id               BIGSERIAL PRIMARY KEY,
    org_id           BIGINT NOT NULL REFERENCES org_nodes(id),
    owner_node_id    BIGINT NOT NULL REFERENCES org_nodes(id),
    supersedes_id    BIGINT REFERENCES wheel_topics(id),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    month_start      INTEGER NOT NULL CHECK (month_start BETWEEN 1 AND 12),
    month_end        INTEGER NOT NULL CHECK (month_end BETWEEN month_start AND 12),
    contact          TEXT NOT NULL DEFAULT '',
    guidance         TEXT NOT NULL DEFAULT '',
    osa_tip          TEXT,
    send_with_notice BOOLEAN NOT NULL DEFAULT FALSE,
    kind             TEXT NOT NULL CHECK (kind IN ('information', 'dialogue', 'follow_up')),
    sort_order       INTEGER NOT NULL DEFAULT 0,
    retired          BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX wheel_topics_org ON wheel_topics(org_id, retired, month_start);

CREATE TABLE wheel_topic_links (
    id         BIGSERIAL PRIMARY KEY,
    topic_id   BIGINT NOT NULL REFERENCES wheel_topics(id) ON DELETE CASCADE,
    sort_order INTEGER NOT NULL DEFAULT 0,
    label      TEXT NOT NULL,
    url        TEXT
);
CREATE INDEX wheel_topic_links_topic ON wheel_topic_links(topic_id, sort_order);

-- A unit's plan for one year.
CREATE TABLE plans (
    id         BIGSERIAL PRIMARY KEY,
    unit_id    BIGINT NOT NULL REFERENCES org_nodes(id),
    year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (unit_id, year)
);

CREATE TABLE meetings (
    id           BIGSERIAL PRIMARY KEY,
    plan_id      BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    meeting_date DATE NOT NULL,
    start_time   TIME NOT NULL,
    end_time     TIME NOT NULL CHECK (end_time > start_time),
    location     TEXT NOT NULL DEFAULT '',
    online_link  TEXT,
    cancelled    BOOLEAN NOT NULL DEFAULT FALSE,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX meetings_plan_date ON meetings(plan_id, meeting_date);

-- Which topic of the wheel is planned for which meeting of a plan.
CREATE TABLE plan_topics (
    plan_id    BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    topic_id   BIGINT NOT NULL REFERENCES wheel_topics(id),
    meeting_id BIGINT REFERENCES meetings(id) ON DELETE SET NULL,
    PRIMARY KEY (plan_id, topic_id)
);
CREATE INDEX plan_topics_meeting ON plan_topics(meeting_id);

-- Cooperation groups (samverkansgrupp, förvaltningsgrupp; also the skyddskommitté) of a node of
-- the tree: their members on the employer's and the employees' side, their standing agenda and
-- their meetings. A group is never deleted (its protocols are records), so meetings keep it.
CREATE TABLE coop_groups (
    id               BIGSERIAL PRIMARY KEY,
    node_id          BIGINT NOT NULL REFERENCES org_nodes(id),
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    safety_committee BOOLEAN NOT NULL DEFAULT FALSE,
    min_meetings     INTEGER NOT NULL DEFAULT 4 CHECK (min_meetings BETWEEN 1 AND 24),
    notice_days      INTEGER NOT NULL DEFAULT 7 CHECK (notice_days BETWEEN 1 AND 30),
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (node_id, name)
);

-- A member: a person of the organisation (a union representative needs no unit role), with the
-- function title the protocol shows and, on the employees' side, the union they represent.
-- One chair and one secretary per group.
CREATE TABLE coop_members (
    group_id       BIGINT NOT NULL REFERENCES coop_groups(id),
    person_id      BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    side           TEXT NOT NULL CHECK (side IN ('employer', 'employees')),
    function_title TEXT NOT NULL CHECK (length(trim(function_title)) > 0),
    union_name     TEXT,
    role           TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'secretary', 'member')),
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX coop_members_person ON coop_members(person_id);
CREATE UNIQUE INDEX coop_members_one_of_each ON coop_members(group_id, role) WHERE role <> 'member';

-- The items every meeting's agenda starts from; `per_unit` gets one sub-item per unit or staff
-- directly below the group's node (seed 002's "10. Samverkan").
CREATE TABLE coop_standing_items (
    id         BIGSERIAL PRIMARY KEY,
    group_id   BIGINT NOT NULL REFERENCES coop_groups(id),
    sort_order INTEGER NOT NULL,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    per_unit   BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX coop_standing_items_group ON coop_standing_items(group_id, sort_order);

CREATE TABLE coop_meetings (
    id           BIGSERIAL PRIMARY KEY,
    group_id     BIGINT NOT NULL REFERENCES coop_groups(id),
    meeting_date DATE NOT NULL,
    start_time   TIME NOT NULL,
    end_time     TIME NOT NULL CHECK (end_time > start_time),
    location     TEXT NOT NULL DEFAULT '',
    online_link  TEXT,
    cancelled    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX coop_meetings_group_date ON coop_meetings(group_id, meeting_date);

-- The agenda of an APT: sections in order, items in order within a section. An item without a
-- meeting lies in its unit's backlog. Proposals from employees and the safety representative wait
-- for the chef's decision: accepted (into an agenda), deferred (to the backlog) or declined.
ALTER TABLE meetings ADD COLUMN agenda_version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE agenda_sections (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    -- 'recurring', 'topics' or 'other' for the sections composing fills; NULL for the chef's own.
    role       TEXT CHECK (role IN ('recurring', 'topics', 'other')),
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_sections_meeting ON agenda_sections(meeting_id, sort_order);

CREATE TABLE agenda_items (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES org_nodes(id),
    meeting_id   INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
    section_id   INTEGER REFERENCES agenda_sections(id) ON DELETE SET NULL,
    sort_order   INTEGER NOT NULL DEFAULT 0,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description  TEXT NOT NULL DEFAULT '',
    presenter    TEXT NOT NULL DEFAULT '',
    minutes      INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 480),
    kind         TEXT NOT NULL CHECK (kind IN ('information', 'dialogue', 'decision', 'follow_up')),
    source       TEXT NOT NULL CHECK (source IN ('recurring', 'topic', 'proposal', 'chef', 'carried')),
    topic_id     INTEGER REFERENCES wheel_topics(id),
    point_id     INTEGER REFERENCES recurring_points(id),
    carried_from INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    -- What the minutes say of the item, and whether the meeting reached it.
    notes        TEXT NOT NULL DEFAULT '',
    decision     TEXT NOT NULL DEFAULT '',
    reached      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, sort_order);
CREATE INDEX agenda_items_unit ON agenda_items(unit_id, meeting_id);

CREATE TABLE proposals (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES org_nodes(id),
    proposer_id INTEGER NOT NULL REFERENCES people(id),
    -- The APT it was proposed for, if the proposer chose one.
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'deferred', 'declined')),
    reason      TEXT,
    decided_by  INTEGER REFERENCES people(id),
    decided_at  TEXT,
    item_id     INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX proposals_unit ON proposals(unit_id, status);
CREATE INDEX proposals_proposer ON proposals(proposer_id);

-- Minutes (minnesanteckningar) of an APT: who attended, the notes and decisions per agenda item
-- (columns of agenda_items since 0006), and actions that go into the unit's action plan.
-- Publishing stores the minutes as a version; later changes are published as new versions, so
-- the published text is never lost.
CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    present    BOOLEAN NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- The unit's action plan. An action from a meeting remembers the meeting and the item.
CREATE TABLE actions (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES org_nodes(id),
    meeting_id     INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    item_id        INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description    TEXT NOT NULL DEFAULT '',
    responsible_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    due_date       TEXT,
    status         TEXT NOT NULL DEFAULT 'not_started'
                   CHECK (status IN ('not_started', 'in_progress', 'done')),
    created_by     INTEGER REFERENCES people(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX actions_unit ON actions(unit_id, status);
CREATE INDEX actions_meeting ON actions(meeting_id);

CREATE TABLE minutes_versions (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    content      TEXT NOT NULL,
    published_by INTEGER NOT NULL REFERENCES people(id),
    published_at TEXT NOT NULL,
    UNIQUE (meeting_id, version)
);

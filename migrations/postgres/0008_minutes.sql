-- Minutes (minnesanteckningar) of an APT: who attended, the notes and decisions per agenda item
-- (columns of agenda_items since 0006), and actions that go into the unit's action plan.
-- Publishing stores the minutes as a version; later changes are published as new versions, so
-- the published text is never lost.
CREATE TABLE meeting_attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id  BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    present    BOOLEAN NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- The unit's action plan. An action from a meeting remembers the meeting and the item.
CREATE TABLE actions (
    id             BIGSERIAL PRIMARY KEY,
    unit_id        BIGINT NOT NULL REFERENCES org_nodes(id),
    meeting_id     BIGINT REFERENCES meetings(id) ON DELETE SET NULL,
    item_id        BIGINT REFERENCES agenda_items(id) ON DELETE SET NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description    TEXT NOT NULL DEFAULT '',
    responsible_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    due_date       DATE,
    status         TEXT NOT NULL DEFAULT 'not_started'
                   CHECK (status IN ('not_started', 'in_progress', 'done')),
    created_by     BIGINT REFERENCES people(id) ON DELETE SET NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX actions_unit ON actions(unit_id, status);
CREATE INDEX actions_meeting ON actions(meeting_id);

CREATE TABLE minutes_versions (
    id           BIGSERIAL PRIMARY KEY,
    meeting_id   BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    content      TEXT NOT NULL,
    published_by BIGINT NOT NULL REFERENCES people(id),
    published_at TIMESTAMPTZ NOT NULL,
    UNIQUE (meeting_id, version)
);

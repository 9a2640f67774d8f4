-- A cooperation meeting's agenda: numbered items (from the group's standing agenda) with lettered
-- sub-items, each sub-item of a kind (Information, Förhandling, Beslut, Diskussion); a sub-item
-- of "Samverkan" may be about one unit below the group's node. Members of either side send in a
-- question or a comment before the meeting; the secretary places it under an item.
CREATE TABLE coop_items (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES coop_meetings(id),
    parent_id  INTEGER REFERENCES coop_items(id),
    sort_order INTEGER NOT NULL,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind       TEXT CHECK (kind IN ('information', 'negotiation', 'decision', 'discussion')),
    unit_id    INTEGER REFERENCES org_nodes(id),
    created_at TEXT NOT NULL
);
CREATE INDEX coop_items_meeting ON coop_items(meeting_id, sort_order);
CREATE INDEX coop_items_parent ON coop_items(parent_id);

CREATE TABLE coop_submissions (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES coop_meetings(id),
    person_id    INTEGER NOT NULL REFERENCES people(id),
    kind         TEXT NOT NULL CHECK (kind IN ('question', 'comment')),
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body         TEXT NOT NULL DEFAULT '',
    item_id      INTEGER REFERENCES coop_items(id),
    submitted_at TEXT NOT NULL
);
CREATE INDEX coop_submissions_meeting ON coop_submissions(meeting_id, submitted_at);

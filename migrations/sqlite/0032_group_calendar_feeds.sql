-- A person's own subscription address for a cooperation group's meetings: for members without
-- a unit role (a union representative) the group's calendar is the one they follow. Served only
-- while the person is active and still sits in the group or keeps it, like the units' feeds.
CREATE TABLE personal_group_feeds (
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    group_id   INTEGER NOT NULL REFERENCES coop_groups(id) ON DELETE CASCADE,
    token      TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (person_id, group_id)
);

-- The workload check (OSA) of an APT: the chef's record (traffic light counts, or the averages
-- of the 1–5 workload and control scales), and anonymous votes from members' phones. A voter is
-- recorded without their choice; choices are only counted, never stored per person. Results
-- show once at least the organisation's threshold (never under five) have voted.
ALTER TABLE organisation_settings ADD COLUMN vote_threshold INTEGER NOT NULL DEFAULT 5
    CHECK (vote_threshold BETWEEN 5 AND 100);

CREATE TABLE workload_checks (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    method      TEXT NOT NULL CHECK (method IN ('traffic_light', 'quadrant')),
    voting_open BOOLEAN NOT NULL DEFAULT FALSE,
    red         INTEGER,
    yellow      INTEGER,
    green       INTEGER,
    note        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE workload_voters (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, person_id)
);

-- choice: 'red', 'yellow', 'green', or 'q<load><control>' for the quadrant (e.g. 'q42').
CREATE TABLE workload_tallies (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    choice     TEXT NOT NULL,
    votes      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, choice)
);

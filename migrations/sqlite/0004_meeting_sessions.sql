-- An APT can be held in several sessions with the same content, for staff who cannot all meet at
-- once. The meeting row is the first session; these are the others, each with its own time and place.
CREATE TABLE meeting_sessions (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    session_date TEXT NOT NULL,
    start_time   TEXT NOT NULL,
    end_time     TEXT NOT NULL CHECK (end_time > start_time),
    location     TEXT NOT NULL DEFAULT '',
    online_link  TEXT,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX meeting_sessions_meeting ON meeting_sessions(meeting_id, session_date, start_time);

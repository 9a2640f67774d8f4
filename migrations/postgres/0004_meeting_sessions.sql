-- An APT can be held in several sessions with the same content, for staff who cannot all meet at
-- once. The meeting row is the first session; these are the others, each with its own time and place.
CREATE TABLE meeting_sessions (
    id           BIGSERIAL PRIMARY KEY,
    meeting_id   BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    session_date DATE NOT NULL,
    start_time   TIME NOT NULL,
    end_time     TIME NOT NULL CHECK (end_time > start_time),
    location     TEXT NOT NULL DEFAULT '',
    online_link  TEXT,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX meeting_sessions_meeting ON meeting_sessions(meeting_id, session_date, start_time);

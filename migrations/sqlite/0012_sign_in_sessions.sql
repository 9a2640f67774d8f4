-- Signed-in sessions, one row per sign-in: what the idle and absolute limits are checked against,
-- what a person's list of their own sessions shows, and what is ended when they end one, sign out,
-- or an administrator disables the account. The cookie's session record (tower_sessions) holds
-- only the random key of its row.
CREATE TABLE sign_in_sessions (
    id           INTEGER PRIMARY KEY,
    session_key  TEXT NOT NULL UNIQUE,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    method       TEXT NOT NULL CHECK (method IN ('password', 'oidc')),
    user_agent   TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT '',
    started_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ended_at     TEXT,
    end_reason   TEXT CHECK (end_reason IN ('signed_out', 'ended_by_person', 'disabled',
                                             'idle', 'absolute'))
);
CREATE INDEX sign_in_sessions_person ON sign_in_sessions(person_id, ended_at);

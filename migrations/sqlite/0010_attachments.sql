-- Attachments of an APT's agenda (bilagor): files the chef uploads for members to read before
-- the meeting. Kept in the database, not on a disk of one machine, so every server of a
-- deployment serves the same files and a backup of the database holds them. Only checked types
-- (see domain::attachment) up to the size limit are stored; the stored name is shown, never used
-- as a path.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    file_name    TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL CHECK (size_bytes > 0),
    sha256       TEXT NOT NULL,
    content      BLOB NOT NULL,
    uploaded_by  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    uploaded_at  TEXT NOT NULL
);
CREATE INDEX attachments_meeting ON attachments(meeting_id);

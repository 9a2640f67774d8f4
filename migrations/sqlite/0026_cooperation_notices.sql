-- The notice of a cooperation meeting: each sending with its day (checked against the group's
-- notice deadline) and one outbox message per member, tied to the sending.
CREATE TABLE coop_notices (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES coop_meetings(id),
    sent_by    INTEGER NOT NULL REFERENCES people(id),
    sent_at    TEXT NOT NULL,
    sent_on    TEXT NOT NULL
);
CREATE INDEX coop_notices_meeting ON coop_notices(meeting_id, id);
ALTER TABLE outbox ADD COLUMN coop_notice_id INTEGER REFERENCES coop_notices(id);

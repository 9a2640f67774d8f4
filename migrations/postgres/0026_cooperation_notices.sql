-- The notice of a cooperation meeting: each sending with its day (checked against the group's
-- notice deadline) and one outbox message per member, tied to the sending.
CREATE TABLE coop_notices (
    id         BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES coop_meetings(id),
    sent_by    BIGINT NOT NULL REFERENCES people(id),
    sent_at    TIMESTAMPTZ NOT NULL,
    sent_on    DATE NOT NULL
);
CREATE INDEX coop_notices_meeting ON coop_notices(meeting_id, id);
ALTER TABLE outbox ADD COLUMN coop_notice_id BIGINT REFERENCES coop_notices(id);

-- Notices (kallelser): each sending of an agenda to the unit's members, and one outbox message
-- per recipient. With SMTP configured a message is queued and then sent (or failed, with the
-- reason); without it the message stays stored in the outbox, where administrators read it.
CREATE TABLE notices (
    id             BIGSERIAL PRIMARY KEY,
    meeting_id     BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('notice', 'update')),
    agenda_version INTEGER NOT NULL,
    sent_by        BIGINT NOT NULL REFERENCES people(id),
    sent_at        TIMESTAMPTZ NOT NULL,
    -- The day in Stockholm it went out: what the deadline is checked against.
    sent_on        DATE NOT NULL
);
CREATE INDEX notices_meeting ON notices(meeting_id, id);

CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    notice_id   BIGINT REFERENCES notices(id) ON DELETE CASCADE,
    person_id   BIGINT REFERENCES people(id) ON DELETE SET NULL,
    to_address  TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body_text   TEXT NOT NULL,
    ics         TEXT,
    status      TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'stored')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    error       TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_status ON outbox(status, id);
CREATE INDEX outbox_notice ON outbox(notice_id);

-- The protocol of a cooperation meeting (seed 002): who attended (Närvarande, partly as
-- "(punkt 4–12)"; Förhinder; Adjungerade, who need not be members), per item what was said and
-- what was decided, the questions the employer takes with it ("Arbetsgivaren tar med sig
-- frågan") until a later meeting answers them under "Föregående protokoll", and item 3's dates
-- for the justering.

-- What an item is for in the protocol: 'previous' (Föregående protokoll: the open follow-ups),
-- 'adjust' (Fastställande av datum för justering: the dates), 'next' (Nästa förvaltningsgrupp).
ALTER TABLE coop_standing_items ADD COLUMN purpose TEXT
    CHECK (purpose IN ('previous', 'adjust', 'next'));
ALTER TABLE coop_items ADD COLUMN purpose TEXT
    CHECK (purpose IN ('previous', 'adjust', 'next'));
UPDATE coop_standing_items SET purpose = 'previous' WHERE title = 'Föregående protokoll';
UPDATE coop_standing_items SET purpose = 'adjust'
    WHERE title = 'Fastställande av datum för justering';
UPDATE coop_standing_items SET purpose = 'next' WHERE title = 'Nästa förvaltningsgrupp';
UPDATE coop_items SET purpose = 'previous'
    WHERE parent_id IS NULL AND title = 'Föregående protokoll';
UPDATE coop_items SET purpose = 'adjust'
    WHERE parent_id IS NULL AND title = 'Fastställande av datum för justering';
UPDATE coop_items SET purpose = 'next'
    WHERE parent_id IS NULL AND title = 'Nästa förvaltningsgrupp';

-- What the protocol says of an item or sub-item.
ALTER TABLE coop_items ADD COLUMN minutes TEXT NOT NULL DEFAULT '';
ALTER TABLE coop_items ADD COLUMN decision TEXT NOT NULL DEFAULT '';

-- Item 3: the day the protocol is sent out, when comments are due, the day it is signed.
ALTER TABLE coop_meetings ADD COLUMN protocol_sent_on DATE;
ALTER TABLE coop_meetings ADD COLUMN comments_due TIMESTAMP;
ALTER TABLE coop_meetings ADD COLUMN signed_on DATE;

-- A member's attendance: present (from one item to another when only partly) or kept away.
CREATE TABLE coop_attendance (
    meeting_id BIGINT NOT NULL REFERENCES coop_meetings(id),
    person_id  BIGINT NOT NULL REFERENCES people(id),
    present    BOOLEAN NOT NULL,
    from_item  INTEGER,
    to_item    INTEGER,
    CHECK ((from_item IS NULL) = (to_item IS NULL)),
    CHECK (from_item IS NULL OR (present AND from_item <= to_item)),
    PRIMARY KEY (meeting_id, person_id)
);

-- Someone called in for the meeting (Adjungerade); they need not have an account.
CREATE TABLE coop_adjuncts (
    id             BIGSERIAL PRIMARY KEY,
    meeting_id     BIGINT NOT NULL REFERENCES coop_meetings(id),
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    function_title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX coop_adjuncts_meeting ON coop_adjuncts(meeting_id);

-- A question the employer takes with it, raised under an item; open until a later meeting of the
-- group answers it (under "Föregående protokoll").
CREATE TABLE coop_follow_ups (
    id                BIGSERIAL PRIMARY KEY,
    group_id          BIGINT NOT NULL REFERENCES coop_groups(id),
    raised_meeting_id BIGINT NOT NULL REFERENCES coop_meetings(id),
    item_id           BIGINT NOT NULL REFERENCES coop_items(id),
    asked_by          TEXT NOT NULL DEFAULT '',
    question          TEXT NOT NULL CHECK (length(trim(question)) > 0),
    closed_meeting_id BIGINT REFERENCES coop_meetings(id),
    answer            TEXT NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX coop_follow_ups_group ON coop_follow_ups(group_id, closed_meeting_id);
CREATE INDEX coop_follow_ups_raised ON coop_follow_ups(raised_meeting_id);

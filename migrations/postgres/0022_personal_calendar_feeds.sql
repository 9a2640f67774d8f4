-- A calendar subscription address is a person's own for a unit: the feed is served only while
-- that person is active and may still read the unit, so taking a role away (or the account)
-- ends the subscription at once. The units' shared addresses (calendar_feeds), which outlived
-- the access of everyone who had copied them, are retired: each person makes their own.
CREATE TABLE personal_calendar_feeds (
    person_id  BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    unit_id    BIGINT NOT NULL REFERENCES org_nodes(id),
    token      TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (person_id, unit_id)
);
DELETE FROM calendar_feeds;

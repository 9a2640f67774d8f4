-- A unit's subscribable calendar: an unguessable token the chef can renew.
CREATE TABLE calendar_feeds (
    unit_id    BIGINT PRIMARY KEY REFERENCES org_nodes(id),
    token      TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

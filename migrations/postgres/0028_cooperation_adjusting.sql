-- Justering of a cooperation meeting's protocol (seed 002: item 3's dates, "Vid protokollet" and
-- "Justerare"): who approves it, each version of it (the first, then every correction with its
-- reason), the draft sent to the members for their comments until the deadline, each approval
-- of one wording, and the document as it was when the last approval locked it.

-- The approvers (justerare) named for a meeting, members of its group. The secretary approves
-- too ("Vid protokollet") without being named here.
CREATE TABLE coop_approvers (
    meeting_id BIGINT NOT NULL REFERENCES coop_meetings(id),
    person_id  BIGINT NOT NULL REFERENCES people(id),
    PRIMARY KEY (meeting_id, person_id)
);

-- A version of the protocol: number 1 is the first; a correction after the lock opens the next
-- with its reason. `sent_at` is when the draft went to the members, `locked_at` when the last
-- approval came in; `document` is the protocol as it was locked (JSON), the record kept.
CREATE TABLE coop_protocol_versions (
    id          BIGSERIAL PRIMARY KEY,
    meeting_id  BIGINT NOT NULL REFERENCES coop_meetings(id),
    version     INTEGER NOT NULL CHECK (version >= 1),
    reason      TEXT NOT NULL DEFAULT '',
    opened_by   BIGINT NOT NULL REFERENCES people(id),
    opened_at   TIMESTAMPTZ NOT NULL,
    sent_by     BIGINT REFERENCES people(id),
    sent_at     TIMESTAMPTZ,
    locked_at   TIMESTAMPTZ,
    document    TEXT,
    CHECK (version = 1 OR length(trim(reason)) > 0),
    CHECK ((locked_at IS NULL) = (document IS NULL)),
    CHECK (locked_at IS NULL OR sent_at IS NOT NULL),
    UNIQUE (meeting_id, version)
);

-- A member's comment on the draft, before the comment deadline.
CREATE TABLE coop_protocol_comments (
    id         BIGSERIAL PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES coop_protocol_versions(id),
    person_id  BIGINT NOT NULL REFERENCES people(id),
    body       TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX coop_protocol_comments_version ON coop_protocol_comments(version_id, id);

-- An approval of a version in one wording: `fingerprint` is the SHA-256 of the protocol as the
-- approver read it, so a later change of the text asks them to approve again. The sign-in is the
-- identity (no drawn signature): who, how they signed in, and when.
CREATE TABLE coop_approvals (
    version_id  BIGINT NOT NULL REFERENCES coop_protocol_versions(id),
    person_id   BIGINT NOT NULL REFERENCES people(id),
    approved_at TIMESTAMPTZ NOT NULL,
    fingerprint TEXT NOT NULL,
    method      TEXT NOT NULL CHECK (method IN ('password', 'oidc')),
    PRIMARY KEY (version_id, person_id)
);

-- Reminders of the justering, each sent once per version: the comment deadline to the members,
-- the signing day to the approvers who have not approved.
CREATE TABLE coop_adjust_reminders (
    version_id BIGINT NOT NULL REFERENCES coop_protocol_versions(id),
    kind       TEXT NOT NULL CHECK (kind IN ('comments', 'approve')),
    sent_on    DATE NOT NULL,
    PRIMARY KEY (version_id, kind)
);

-- Every message of a justering (draft, reminder, published protocol) is tied to its version.
ALTER TABLE outbox ADD COLUMN coop_version_id BIGINT REFERENCES coop_protocol_versions(id);

-- Whether a locked protocol is published to every employee of the group's node as well as to its
-- members (the organisation decides, per group).
ALTER TABLE coop_groups ADD COLUMN publish_to_employees BOOLEAN NOT NULL DEFAULT FALSE;

-- A cooperation protocol's bilagor (seed 002: "bilaga 1", "bilaga 2–4"), numbered across the
-- protocol in the order of its items. Each hangs under an item or sub-item and is either a file
-- the secretary uploaded (the occupational health service's statistics, a presentation) or a
-- roll-up of the node's units frozen as it stood when attached (the SAM follow-up, Aktiva
-- åtgärder, the combined action plan): its tables as JSON, shown as HTML, PDF and XLSX and
-- never recomputed, since the protocol records what the group was shown.
CREATE TABLE coop_attachments (
    id           BIGSERIAL PRIMARY KEY,
    meeting_id   BIGINT NOT NULL REFERENCES coop_meetings(id),
    item_id      BIGINT NOT NULL REFERENCES coop_items(id),
    kind         TEXT NOT NULL CHECK (kind IN ('file', 'sam', 'active_measures', 'actions')),
    title        TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    tables       TEXT,
    file_name    TEXT CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 200),
    content_type TEXT,
    size_bytes   BIGINT CHECK (size_bytes IS NULL OR size_bytes > 0),
    sha256       TEXT,
    content      BYTEA,
    added_by     BIGINT REFERENCES people(id) ON DELETE SET NULL,
    added_at     TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'file') = (content IS NOT NULL)),
    CHECK ((kind = 'file') = (tables IS NULL))
);
CREATE INDEX coop_attachments_meeting ON coop_attachments(meeting_id);
CREATE INDEX coop_attachments_item ON coop_attachments(item_id);

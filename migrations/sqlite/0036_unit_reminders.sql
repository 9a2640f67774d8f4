-- Reminders that keep a unit compliant (a notice's deadline near, minutes not published, the SAM
-- follow-up not done in December, the work environment report due), each sent once: `kind` says
-- which, `key` what about (an APT's id, or a year).
CREATE TABLE unit_reminders (
    unit_id INTEGER NOT NULL REFERENCES org_nodes(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('notice_soon', 'notice_tomorrow', 'minutes_late',
                'sam_not_done', 'report_due_soon', 'report_due_tomorrow')),
    key     TEXT NOT NULL,
    sent_on TEXT NOT NULL,
    PRIMARY KEY (unit_id, kind, key)
);
CREATE INDEX unit_reminders_sent_on ON unit_reminders(sent_on);

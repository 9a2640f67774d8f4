-- Who last changed a plan and what they did: the message a stale edit is refused with.
ALTER TABLE plans ADD COLUMN last_change TEXT;
ALTER TABLE plans ADD COLUMN last_changed_by INTEGER REFERENCES people(id);
ALTER TABLE plans ADD COLUMN last_changed_at TEXT;

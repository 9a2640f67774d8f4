-- HR changes the organisation's template; plans keep what they had. Each change to the template
-- raises the organisation's revision; a plan remembers the revision it was made from, and a
-- recurring point says from which revision it applies and from which it no longer does.
ALTER TABLE organisation_settings ADD COLUMN template_revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plans ADD COLUMN template_revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE recurring_points ADD COLUMN added_revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE recurring_points ADD COLUMN retired_revision INTEGER;
-- A topic a higher node pushes to every unit below it for one year; units see it as required.
ALTER TABLE wheel_topics ADD COLUMN pushed_year INTEGER;
CREATE INDEX wheel_topics_pushed ON wheel_topics(owner_node_id, pushed_year);

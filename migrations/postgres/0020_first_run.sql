-- An organisation made by `server create-admin` is being set up until its administrator says
-- it is ready: until then the start page leads them to the first-run page (`/kom-igang`).
-- Existing organisations (and the demo) are not.
ALTER TABLE organisation_settings ADD COLUMN setting_up BOOLEAN NOT NULL DEFAULT FALSE;

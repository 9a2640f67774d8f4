-- One session mechanism: the browser's private cookie carries the key of its sign_in_sessions row
-- itself, so the cookie-session store's own schema (tower-sessions, created at start by its store)
-- is gone.
DROP SCHEMA IF EXISTS tower_sessions CASCADE;

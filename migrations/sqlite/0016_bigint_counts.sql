-- PostgreSQL's versions and counts become 64-bit integers in this step. SQLite's INTEGER columns
-- are 64-bit already, so nothing changes here; the file keeps the two folders in step.
SELECT 1;

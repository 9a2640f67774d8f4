-- A bilaga removed or replaced after a version of its protocol was locked stays for that version
-- (its downloads and the archive) and only leaves the protocol being corrected: it is marked
-- removed instead of deleted. One never part of a locked version is still deleted outright.
ALTER TABLE coop_attachments ADD COLUMN removed_at TEXT;

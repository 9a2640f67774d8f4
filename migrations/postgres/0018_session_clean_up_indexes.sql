-- The session clean-up (every ten minutes) looks for open sessions past their idle or absolute
-- limit and for ended ones old enough to forget: indexes on exactly those, so it reads only the
-- rows it changes however many sessions the organisation has had.
CREATE INDEX sign_in_sessions_open_seen ON sign_in_sessions(last_seen_at) WHERE ended_at IS NULL;
CREATE INDEX sign_in_sessions_open_started ON sign_in_sessions(started_at) WHERE ended_at IS NULL;
CREATE INDEX sign_in_sessions_ended ON sign_in_sessions(ended_at) WHERE ended_at IS NOT NULL;

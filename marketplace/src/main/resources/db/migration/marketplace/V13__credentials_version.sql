-- Sessions end when the password changes: every token carries the person's credentials_version at
-- issue (claim "cv"); a token whose version is older than the person's is refused.
ALTER TABLE person ADD COLUMN credentials_version INT NOT NULL DEFAULT 0;

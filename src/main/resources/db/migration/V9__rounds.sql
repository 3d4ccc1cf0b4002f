-- Polls of two rounds (before and after a discussion). Each poll row says which round it is and of how many; round 2
-- names its round 1. Both rounds keep the pair's salt while it is open: their votes store HMAC-SHA256(salt, platform
-- and user id) in vote.user_id instead of the id, so a voter's two answers are linked without storing who they are.
-- The salt is set to NULL when the pair closes. One script for H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE poll ADD COLUMN round_no INT DEFAULT 1 NOT NULL;
ALTER TABLE poll ADD COLUMN rounds INT DEFAULT 1 NOT NULL;
ALTER TABLE poll ADD COLUMN first_round BIGINT REFERENCES poll (id);
ALTER TABLE poll ADD COLUMN voter_salt VARCHAR(64);

-- one round 2 per pair, whichever replica or user opens it
CREATE UNIQUE INDEX poll_second_round ON poll (first_round);

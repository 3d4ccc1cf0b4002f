-- A running count of the votes that stand (not retracted) per poll and option, kept by the vote ledger in the same
-- transaction as the votes it counts, so a group commit reads a few rows instead of counting the whole poll (the count
-- grew with the poll and was more than half of a group's time). It always equals
--   SELECT poll_id, option_no, COUNT(*) FROM vote WHERE NOT retracted GROUP BY poll_id, option_no
-- except that an option whose votes were all withdrawn may keep a row with 0.
-- One script for H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE vote_tally (
    poll_id    BIGINT NOT NULL REFERENCES poll (id),
    option_no  INT    NOT NULL,
    votes      INT    NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (poll_id, option_no)
);

-- the votes cast before this table existed
INSERT INTO vote_tally (poll_id, option_no, votes)
SELECT poll_id, option_no, COUNT(*) FROM vote WHERE NOT retracted GROUP BY poll_id, option_no;

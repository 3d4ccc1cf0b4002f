-- Polls where each voter picks up to max_choices options (1: one option, as before). Their choices are stored one row
-- per voter and option in vote_choice, never in vote: a press toggles its option. vote_tally counts choices per option
-- for them too. One script for H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE poll ADD COLUMN max_choices INT DEFAULT 1 NOT NULL;

-- One row per voter, poll and option: the primary key is what makes a double click count once. A withdrawn choice
-- keeps its row, marked retracted, so that a double click right after a withdrawal is recognised.
CREATE TABLE vote_choice (
    poll_id    BIGINT       NOT NULL REFERENCES poll (id),
    platform   VARCHAR(20)  NOT NULL,
    user_id    VARCHAR(100) NOT NULL,
    option_no  INT          NOT NULL,
    voted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    retracted  BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (poll_id, platform, user_id, option_no)
);

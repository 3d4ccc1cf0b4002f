-- Editing and deleting polls. A removed option keeps its row (and its votes, which no longer count), marked with who
-- removed it and when; its number is never reused. A deleted poll keeps its row, closed, marked deleted: it is shown to
-- no one. One script for H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE poll_option ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE poll_option ADD COLUMN removed_by VARCHAR(100);
ALTER TABLE poll ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE poll ADD COLUMN deleted_by VARCHAR(100);
-- every change an opener or admin made to a poll after opening it: one row per change, for the record
CREATE TABLE poll_edit (
    poll_id    BIGINT        NOT NULL REFERENCES poll (id),
    edited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_by  VARCHAR(100)  NOT NULL,
    change     VARCHAR(600)  NOT NULL
);
CREATE INDEX poll_edit_by_poll ON poll_edit (poll_id, edited_at);

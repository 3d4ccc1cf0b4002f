-- Polls whose voters may add options of their own (up to ten options in all), and who added each option: NULL for the
-- opener's own. One script for H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE poll ADD COLUMN open_options BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE poll_option ADD COLUMN added_by VARCHAR(100);
ALTER TABLE poll_option ADD COLUMN added_at TIMESTAMP WITH TIME ZONE;

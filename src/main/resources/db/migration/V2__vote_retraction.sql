-- A withdrawn vote keeps its row, marked retracted, so that a double click right after a withdrawal is recognised
-- (and does not cast the vote again). Tallies count only rows that are not retracted.
ALTER TABLE vote ADD COLUMN retracted BOOLEAN DEFAULT FALSE NOT NULL;

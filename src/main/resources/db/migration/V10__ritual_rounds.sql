-- A weekly poll of two rounds: how many minutes after it opens its round 2 opens; NULL for one round.
ALTER TABLE ritual ADD COLUMN round_two_minutes INT;
-- How a weekly poll picks its claim: order, undiscussed, divisive or mixed; NULL for mixed (the default).
ALTER TABLE ritual ADD COLUMN pick VARCHAR(20);

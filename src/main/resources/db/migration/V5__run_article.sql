-- The article each ritual run posted from, so a ritual moved to another article (/article use, or a config change)
-- goes round the new article's quotes afresh. Runs made before this migration were on their ritual's article.
-- One script for H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE ritual_run ADD COLUMN article_id VARCHAR(200);

UPDATE ritual_run SET article_id = (SELECT r.article_id FROM ritual r WHERE r.id = ritual_run.ritual_id);

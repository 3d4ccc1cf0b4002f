-- The article's web page shows each claim's newest poll, in any workspace: found by article and claim.
-- One script for H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE INDEX poll_by_article_claim ON poll (article_id, claim_id, id);

-- One row that /readyz updates and commits: a database that answers but cannot write (H2 closed after a full
-- disk, opened read-only, PostgreSQL in recovery) is then not ready. An update of one row, so nothing grows.
-- One script for H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE health_probe (
    id     INTEGER PRIMARY KEY,
    probes BIGINT  NOT NULL
);

INSERT INTO health_probe (id, probes) VALUES (1, 0);

-- The article each channel discusses, once an admin has chosen one (/article use); a channel with no row discusses
-- the default article. One script for H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE channel_article (
    platform    VARCHAR(20)  NOT NULL,
    workspace   VARCHAR(100) NOT NULL,
    channel     VARCHAR(100) NOT NULL,
    article_id  VARCHAR(200) NOT NULL,
    chosen_by   VARCHAR(100) NOT NULL,
    chosen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, workspace, channel)
);

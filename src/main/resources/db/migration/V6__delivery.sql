-- Platform deliveries already taken: a Slack trigger_id, a Discord interaction id. A platform may deliver the same
-- request again (a retry after a slow answer, a replay); this table recognises it after a restart and on another
-- replica. A vote's row (platform "slack:vote", "discord:vote") is written in the vote's own transaction, so the vote and its mark commit together or not
-- at all. Rows older than an hour (longer than any platform's retry window) are deleted.
CREATE TABLE delivery (
    platform     VARCHAR(20)  NOT NULL,
    delivery_id  VARCHAR(200) NOT NULL,
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, delivery_id)
);

CREATE INDEX delivery_by_age ON delivery (seen_at);
